//! Bits and bytes: how wide the number types are, how many digits a float
//! keeps, and in which order the bytes of a number are stored.
use course_cli::{Usage, run};
use scientific_data::bits::{big_endian, hex, little_endian, survives_f32, through_f32, widths};

const USAGE: Usage = Usage::new(
    "bits_and_bytes",
    "",
    "prints the widths of number types, the digits a float keeps and byte orders",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        args.done()?;
        println!("type   bytes  bits");
        for (name, bytes) in widths() {
            println!("{name:<6} {bytes:>5} {:>5}", 8 * bytes);
        }

        println!();
        println!(
            "f32 keeps {} decimal digits, f64 keeps {}",
            f32::DIGITS,
            f64::DIGITS
        );
        for value in [0.1, 0.375, 16_777_216.0, 16_777_217.0] {
            println!(
                "{value:>10} through f32 -> {:<20} {}",
                through_f32(value),
                if survives_f32(value) {
                    "exact"
                } else {
                    "changed"
                }
            );
        }

        println!();
        let value = 1.0f64;
        println!(
            "{value} as little-endian bytes: {}",
            hex(&little_endian(value))
        );
        println!(
            "{value} as big-endian bytes:    {}",
            hex(&big_endian(value))
        );
        let misread = f64::from_be_bytes(little_endian(value));
        println!("little-endian bytes read as big-endian: {misread:e}");
        Ok(())
    })
}
// ANCHOR_END: main
