//! Published figures on how the speed of a computer's parts evolved
//! (`data/speeds.csv`, with its sources): the table, or with `--svg` the
//! plot the page shows.
use course_cli::{Error, Usage, run};
use stack::history::{DATA, markdown_table, parse, svg};

const USAGE: Usage = Usage::new(
    "history",
    "[--svg]",
    "prints how the speeds of a computer's parts evolved, as a table or a plot",
)
.details("--svg  print the plot as SVG instead of the table")
.options(&[("--svg", "")]);

fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let svg_wanted = args.flag("--svg");
        args.done()?;
        let years =
            parse(DATA).map_err(|message| Error::failed(format!("data/speeds.csv: {message}")))?;
        if svg_wanted {
            print!("{}", svg(&years));
        } else {
            print!("{}", markdown_table(&years));
        }
        Ok(())
    })
}
