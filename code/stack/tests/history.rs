//! The page's table of published speeds and its plot are generated from
//! `data/speeds.csv`; this test fails when either has drifted from the data.
//! To regenerate the plot:
//! `cargo run -p stack --example history -- --svg > src/day-1/stack-history.svg`
use stack::history::{DATA, markdown_table, parse, svg};
use std::path::PathBuf;

fn book_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../src/day-1")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_committed_plot_is_the_one_the_data_gives() {
    let years = parse(DATA).unwrap();
    assert_eq!(
        book_file("stack-history.svg"),
        svg(&years),
        "regenerate with: cargo run -p stack --example history -- --svg > src/day-1/stack-history.svg"
    );
}

#[test]
fn the_page_shows_the_table_the_data_gives() {
    let years = parse(DATA).unwrap();
    let page = book_file("stack.md");
    assert!(
        page.contains(&markdown_table(&years)),
        "the table in src/day-1/stack.md differs from `cargo run -p stack --example history`"
    );
}
