//! Writes generated book-like text: `gen_text OUTPUT [BYTES] [SEED]`.
use performance::textgen;
use performance::timing::parse_count;

// ANCHOR: main
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_text OUTPUT [BYTES] [SEED]";
    let fail = |message: String| -> ! {
        eprintln!("error: {message} ({usage})");
        std::process::exit(2)
    };
    let Some(output) = args.first() else {
        fail("no OUTPUT file given".into())
    };
    let bytes = parse_count(args.get(1).map(String::as_str), "BYTES", 50_000_000)
        .unwrap_or_else(|m| fail(m));
    let seed = match args.get(2) {
        None => 1,
        Some(s) => s
            .parse()
            .unwrap_or_else(|_| fail(format!("SEED must be a whole number, got {s:?}"))),
    };
    let text = textgen::generate(bytes as usize, seed);
    if let Err(e) = std::fs::write(output, &text) {
        eprintln!("error: cannot write {output}: {e}");
        std::process::exit(1);
    }
    println!("wrote {} bytes to {output}", text.len());
}
// ANCHOR_END: main
