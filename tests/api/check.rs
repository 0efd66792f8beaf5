//! `pasar check`: every problem of every adapter file, with file and key path.

use std::path::Path;
use std::process::Command;

/// Runs `pasar check`: whether it passed, and everything it printed. It must exit 0 or 1; any
/// other code (101 is a panic) fails the test, so a crash never counts as "problems found".
fn pasar_check(dir: &Path) -> (bool, String) {
    pasar_check_with(&[dir.as_os_str()], &[])
}

/// `pasar check ARGS…` with the bundled adapters' secrets unset unless `env` sets them.
pub(super) fn pasar_check_with(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pasar"));
    command.arg("check").args(args).env_remove("MBIZ_TOKEN").env_remove("EKATALOG_API_KEY").envs(env.iter().copied());
    let output = command.output().expect("pasar runs");
    let printed = String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout);
    assert!(matches!(output.status.code(), Some(0 | 1)), "pasar check exited with {}: {printed}", output.status);
    (output.status.success(), printed)
}

fn adapters_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters")
}

/// `file:LINE: `, the line being the first of `text` holding `needle`: where a problem is placed.
fn at(file: &str, text: &str, needle: &str) -> String {
    let line = text.lines().position(|l| l.contains(needle)).expect("the needle is in the text") + 1;
    format!("{file}:{line}: ")
}

/// A bundled adapter file's text, to break in a temporary directory.
pub(super) fn bundled(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters").join(file)).expect("bundled adapter")
}

#[test]
fn the_bundled_adapters_are_valid() {
    let (ok, output) = pasar_check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters"));
    assert!(ok, "{output}");
}

#[test]
fn broken_adapter_files_are_reported_problem_by_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = bundled("mbiz.toml");
    let broken = good
        .replace("id = \"mbiz\"", "id = \"Mbiz Market\"")
        .replace("token_env = \"MBIZ_TOKEN\"", "token_env = \"sk-live-123\"")
        .replace("format = \"idr_text\"", "format = \"idr_txt\"")
        .replace("items = \"/data\"", "items = \"data\"")
        .replace("[limits]", "colour = \"blue\"\n[limits]");
    std::fs::write(dir.path().join("broken.toml"), &broken).expect("write");
    std::fs::write(dir.path().join("syntax.toml"), "id = \"x\"\n[request\n").expect("write");
    let at = |needle| at("broken.toml", &broken, needle);
    std::fs::write(dir.path().join("missing.toml"), "id = \"missing\"\nname = \"Missing\"\n").expect("write");

    let (ok, output) = pasar_check(dir.path());
    assert!(!ok, "exit code 1 on problems");
    for expected in [
        format!("{}`pricing.colour`: unknown field", at("colour =")),
        format!("{}`id`: `Mbiz Market` must be", at("Mbiz Market")),
        format!("{}`auth.token_env`: is not an environment variable name (A-Z, 0-9, _; 11 characters", at("sk-live")),
        format!("{}`fields.price`: format: unknown variant `idr_txt`", at("price = {")),
        format!("{}`response.items`: `data` is not a JSON pointer", at("items = \"data\"")),
        "syntax.toml:2: not valid TOML".into(),
        "missing.toml: `base_url`: missing required key".into(),
        "missing.toml: `fields`: missing required key".into(),
    ] {
        assert!(output.contains(&expected), "missing `{expected}` in:\n{output}");
    }
    assert!(!output.contains("panicked"), "{output}");
    assert!(!output.contains("sk-live-123"), "the secret written for its variable's name is printed: {output}");
}

#[test]
fn rule_violations_are_all_reported_with_their_key_paths() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = bundled("mbiz.toml");
    let broken = good
        .replace("id = \"mbiz\"", "id = \"Mbiz Market\"")
        .replace("token_env = \"MBIZ_TOKEN\"", "token_env = \"sk-live-123\"")
        .replace("items = \"/data\"", "items = \"data\"")
        .replace("base_url = \"https://api.mbizmarket.co.id\"", "base_url = \"ftp://example\"")
        .replace("vat_rate = \"11\"", "vat_rate = \"eleven\"")
        .replace("page = \"{page}\"", "page = \"{halaman}\"");
    std::fs::write(dir.path().join("mbiz.toml"), &broken).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(!ok);
    for (key, needle) in [
        ("`id`", "Mbiz Market"),
        ("`auth.token_env`", "sk-live"),
        ("`response.items`", "items = \"data\""),
        ("`base_url`", "ftp://"),
        ("`pricing.vat_rate`", "eleven"),
        ("`request.query.page`", "halaman"),
        ("`pagination.kind`", "kind = \"page\""),
    ] {
        let expected = format!("{}{key}", at("mbiz.toml", &broken, needle));
        assert!(output.contains(&expected), "missing {expected} in:\n{output}");
    }
}

#[test]
fn an_unknown_value_format_names_the_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = bundled("mbiz.toml");
    std::fs::write(dir.path().join("mbiz.toml"), good.replace("format = \"idr_text\"", "format = \"idr_txt\""))
        .expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(!ok);
    let expected = format!("{}`fields.price`", at("mbiz.toml", &good, "price = {"));
    assert!(output.contains(&expected) && output.contains("idr_txt"), "{output}");
}

#[test]
fn of_two_files_with_one_id_the_one_not_named_after_it_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = bundled("mbiz.toml");
    std::fs::write(dir.path().join("mbiz.toml"), &good).expect("write");
    std::fs::write(dir.path().join("b.toml"), &good).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(!ok);
    let id = at("b.toml", &good, "id = ");
    assert!(output.contains(&format!("{id}`id`: `mbiz` is not the file's name")), "{output}");
    // The file named after the id is not refused for it (its unset secret is still named).
    let not_id = format!("{}`id`", at("mbiz.toml", &good, "id = "));
    assert!(!output.contains(&not_id), "{output}");
}

#[tokio::test]
async fn the_gateway_refuses_to_start_on_an_invalid_adapter_or_a_missing_secret() {
    let config = pasar::Config { listen: "127.0.0.1:0".parse().expect("addr"), ..pasar::Config::default() };
    let config = pasar::Config { adapters_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters"), ..config };
    let error = pasar::Application::build(&config, pasar::Env::isolated()).await.err().expect("refused");
    assert!(
        error.to_string().contains("mbiz.toml: `auth.token_env`: environment variable MBIZ_TOKEN is not set"),
        "{error}"
    );
}

#[tokio::test]
async fn a_base_url_on_an_internal_address_is_refused_unless_the_operator_allows_it() {
    let mut config = pasar::Config { listen: "127.0.0.1:0".parse().expect("addr"), ..pasar::Config::default() };
    config.adapters_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
    let metadata = pasar::Override { base_url: Some("http://169.254.169.254/latest".into()), ..Default::default() };
    config.marketplaces.insert("jatim-bejo".into(), metadata);
    let env = pasar::Env::isolated().with(pasar::demo::MBIZ_TOKEN_ENV, "t").with("EKATALOG_API_KEY", "k");
    let error = pasar::Application::build(&config, env.clone()).await.err().expect("refused");
    assert!(error.to_string().contains("jatim-bejo.toml: `(override marketplaces.jatim-bejo.base_url)`"), "{error}");
    assert!(error.to_string().contains("egress.allow_private"), "{error}");
    config.egress.allow_private = true;
    assert!(pasar::Application::build(&config, env).await.is_ok());
}

#[test]
fn the_configuration_example_in_the_readme_loads() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let example = readme.split("```toml").nth(1).and_then(|rest| rest.split("```").next()).expect("a toml block");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pasar.toml");
    std::fs::write(&file, example).expect("write");
    let config = pasar::Config::load(Some(&file)).expect("the README's example is a valid configuration");
    assert_eq!(config.listen.port(), 8080);
    assert!(config.marketplaces.contains_key("mbiz"));
}

#[test]
fn the_worked_example_in_the_adapter_spec_is_a_valid_adapter_file() {
    let spec = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters/README.md")).expect("spec");
    let example = spec.split("```toml").nth(1).and_then(|rest| rest.split("```").next()).expect("a toml block");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("example.toml"), example).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(ok, "{output}");
}

#[tokio::test]
async fn a_file_not_named_after_its_id_is_refused_by_check_and_by_serve() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("mbiz-market.toml"), bundled("mbiz.toml")).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(!ok, "{output}");
    let expected = format!(
        "{}`id`: `mbiz` is not the file's name: a file MUST be named after its id (`mbiz.toml`)",
        at("mbiz-market.toml", &bundled("mbiz.toml"), "id = ")
    );
    assert!(output.contains(&expected), "{output}");

    let config = pasar::Config { listen: "127.0.0.1:0".parse().expect("addr"), ..pasar::Config::default() };
    let config = pasar::Config { adapters_dir: dir.path().to_path_buf(), ..config };
    let env = pasar::Env::isolated().with(pasar::demo::MBIZ_TOKEN_ENV, "t");
    let error = pasar::Application::build(&config, env).await.err().expect("refused");
    assert!(error.to_string().contains(&expected), "{error}");
}

/// What an editor leaves beside the file it edits: Emacs's lock (a dangling symlink), its
/// auto-save, Vim's swap file, a backup, and a hidden `*.toml` of someone's own.
#[cfg(unix)]
pub(super) fn leave_editor_files(dir: &Path) {
    std::os::unix::fs::symlink("root@host.1234:1765000000", dir.join(".#mbiz.toml")).expect("lock");
    for name in ["#mbiz.toml#", ".mbiz.toml.swp", "mbiz.toml~", ".hidden.toml"] {
        std::fs::write(dir.join(name), "not an adapter").expect("write");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn an_editors_lock_and_hidden_files_in_the_adapter_folder_stop_neither_check_nor_start_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bela.toml"), bundled("bela.toml")).expect("write");
    leave_editor_files(dir.path());
    let (ok, output) = pasar_check(dir.path());
    assert!(ok, "{output}");
    assert!(output.contains("1 adapter file(s)"), "{output}");

    let config = pasar::Config { listen: "127.0.0.1:0".parse().expect("addr"), ..pasar::Config::default() };
    let config = pasar::Config { adapters_dir: dir.path().to_path_buf(), ..config };
    let built = pasar::Application::build(&config, pasar::Env::isolated()).await;
    assert!(built.is_ok(), "{:?}", built.err());
}

#[test]
fn without_a_configuration_an_unset_secret_or_an_internal_address_is_only_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let internal = bundled("mbiz.toml").replace("https://api.mbizmarket.co.id", "http://10.1.2.3");
    std::fs::write(dir.path().join("mbiz.toml"), internal).expect("write");
    std::fs::write(dir.path().join("ekatalog.toml"), bundled("ekatalog.toml")).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(ok, "warnings alone pass: {output}");
    for expected in [
        "warning: ", // each on its own line, below
        "mbiz.toml: `base_url`: `http://10.1.2.3/` points at a loopback, private, link-local or metadata address",
        "ekatalog.toml: `auth.key_env`: environment variable EKATALOG_API_KEY is not set",
        // Every reason a file cannot be served, not only its first.
        "mbiz.toml: `auth.token_env`: environment variable MBIZ_TOKEN is not set",
        "3 warning(s)",
        "2 adapter file(s)",
    ] {
        assert!(output.contains(expected), "missing `{expected}` in:\n{output}");
    }
    assert_eq!(output.lines().filter(|l| l.starts_with("warning: ")).count(), 3, "{output}");
    let (ok, output) = pasar_check_with(&[dir.path().as_os_str()], &[("EKATALOG_API_KEY", "k")]);
    assert!(ok && !output.contains("EKATALOG_API_KEY"), "the secret is looked up in the environment: {output}");
}

#[test]
fn with_a_configuration_check_fails_where_serve_would_refuse_to_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pasar.toml");
    let adapters = adapters_dir().display().to_string();
    let metadata = "[marketplaces.jatim_bejo]\nbase_url = \"http://169.254.169.254/latest\"\n";
    std::fs::write(&file, format!("adapters_dir = '{adapters}'\n{metadata}")).expect("write");
    let (ok, output) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &[("MBIZ_TOKEN", "t")]);
    assert!(!ok, "{output}");
    for expected in [
        "jatim-bejo.toml: `(override marketplaces.jatim-bejo.base_url)`: `http://169.254.169.254/latest` points at",
        "ekatalog.toml: `auth.key_env`: environment variable EKATALOG_API_KEY is not set",
        "2 problem(s) found: `pasar serve --config",
    ] {
        assert!(output.contains(expected), "missing `{expected}` in:\n{output}");
    }
    assert!(!output.contains("warning"), "{output}");

    std::fs::write(&file, format!("adapters_dir = '{adapters}'\n[egress]\nallow_private = true\n{metadata}"))
        .expect("write");
    let secrets = [("MBIZ_TOKEN", "t"), ("EKATALOG_API_KEY", "k")];
    let (ok, output) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &secrets);
    assert!(ok, "{output}");
    assert!(output.contains("5 marketplace(s) in"), "{output}");

    let misnamed = tempfile::tempdir().expect("temp dir");
    std::fs::write(misnamed.path().join("m.toml"), bundled("mbiz.toml")).expect("write");
    let args = ["--config".as_ref(), file.as_os_str(), misnamed.path().as_os_str()];
    let (ok, output) = pasar_check_with(&args, &secrets);
    assert!(
        !ok && output.contains("m.toml:") && output.contains(": `id`"),
        "DIR replaces the configuration's adapters_dir: {output}"
    );
}

#[test]
fn a_base_url_with_credentials_a_malformed_override_and_every_unset_secret_are_all_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A password in the URL: reqwest would send it as Basic credentials from the file itself.
    let with_password =
        bundled("mbiz.toml").replace("https://api.mbizmarket.co.id", "https://user:rahasia@api.mbizmarket.co.id");
    std::fs::write(dir.path().join("mbiz.toml"), &with_password).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(!ok, "{output}");
    let expected =
        format!("{}`base_url`: must not carry a user name or password", at("mbiz.toml", &with_password, "base_url"));
    assert!(output.contains(&expected), "{output}");

    let adapters = adapters_dir().display().to_string();
    let file = dir.path().join("pasar.toml");
    let overrides = "[marketplaces.jatim_bejo]\nbase_url = \"ftp://files.example.org\"\n\
                     [marketplaces.padi_umkm]\nbase_url = \"https://padi.example.org/?q=1\"\n\
                     [marketplaces.tidak_ada]\nbase_url = \"https://x.example.org\"\n";
    std::fs::write(&file, format!("adapters_dir = '{adapters}'\n{overrides}")).expect("write");
    let (ok, output) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &[]);
    assert!(!ok, "{output}");
    for expected in [
        "jatim-bejo.toml: `(override marketplaces.jatim-bejo.base_url)`: `ftp://files.example.org` must be an http(s) URL",
        "padi-umkm.toml: `(override marketplaces.padi-umkm.base_url)`: must not carry a query or fragment",
        "warning: [marketplaces.tidak-ada] overrides a marketplace no adapter file defines",
        // Both bundled secrets unset, each named in one run.
        "mbiz.toml: `auth.token_env`: environment variable MBIZ_TOKEN is not set",
        "ekatalog.toml: `auth.key_env`: environment variable EKATALOG_API_KEY is not set",
        "4 problem(s) found",
    ] {
        assert!(output.contains(expected), "missing `{expected}` in:\n{output}");
    }
}

#[test]
fn a_misspelt_key_inside_a_field_table_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = bundled("mbiz.toml");
    let misspelt = good.replacen("{ pointer = ", "{ pointr = ", 1);
    assert_ne!(misspelt, good, "the file maps a field with a table");
    std::fs::write(dir.path().join("mbiz.toml"), misspelt).expect("write");
    let (ok, output) = pasar_check(dir.path());
    assert!(!ok, "{output}");
    assert!(output.contains("unknown field `pointr`") && output.contains("expected one of"), "{output}");
}

/// Review39n R39n-2: a ledger file left at 10 % (never in force after March 2022) is served, its
/// entries split at their date's rate; `pasar check` says so, and still passes.
#[test]
fn a_file_rate_no_law_has_in_force_today_is_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = bundled("jatim-bejo.toml");
    let (offers, ledger) = text.split_at(text.find("[transactions").expect("a ledger"));
    let stale = offers.to_string() + &ledger.replacen("vat_rate = \"11\"", "vat_rate = \"10\"", 1);
    std::fs::write(dir.path().join("jatim-bejo.toml"), &stale).expect("write");

    let (ok, output) = pasar_check(dir.path());
    assert!(ok, "a warning, not a problem: {output}");
    let warning =
        output.lines().find(|l| l.contains("transactions.pricing.vat_rate")).unwrap_or_else(|| panic!("{output}"));
    assert!(warning.starts_with("warning: "), "{warning}");
    assert!(warning.contains("10 % is in force on no date since 1 April 2022"), "{warning}");
    assert!(warning.contains("split at the rate of their date"), "{warning}");
    assert!(!output.contains("`pricing.vat_rate`"), "the offers' 11 % is in force: {output}");
}
