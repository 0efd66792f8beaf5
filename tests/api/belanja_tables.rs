//! The /belanja tables carry their own names and row headers, so a screen reader announces
//! what a table is and whose row a figure is in (review37s R37s-11).

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_belanja_tables_have_captions_and_row_headers() {
    let app = spawn_app().await;
    let page = app.client.get(format!("{}/belanja?wilayah=35.71&tahun=2022", app.address)).send().await;
    let page = page.expect("page").text().await.expect("text");
    for id in ["shares", "ranking"] {
        let table = &page[page.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("table {id}: {page}"))..];
        let table = &table[..table.find("</table>").expect("the table ends")];
        assert!(table.contains("<caption>"), "{id} has a caption: {table}");
        assert!(table.contains("<th scope=\"row\">"), "{id} has row headers: {table}");
    }
}
