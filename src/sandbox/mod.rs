//! Simulated marketplaces (work in progress).
