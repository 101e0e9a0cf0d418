//! Published figures on how the speed of a computer's parts evolved
//! (`data/speeds.csv`, with its sources): the table, or with `--svg` the
//! plot the page shows.
use stack::history::{DATA, markdown_table, parse, svg};

fn main() {
    let svg_wanted = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--svg") => true,
        Some(other) => {
            eprintln!("error: unknown argument {other:?} (usage: history [--svg])");
            std::process::exit(2);
        }
    };
    let years = parse(DATA).unwrap_or_else(|message| {
        eprintln!("error: data/speeds.csv: {message}");
        std::process::exit(1);
    });
    if svg_wanted {
        print!("{}", svg(&years));
    } else {
        print!("{}", markdown_table(&years));
    }
}
