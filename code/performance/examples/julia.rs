//! A Julia set in the terminal, timed serially and with rayon:
//! `julia [WIDTH]`.
use performance::julia::julia;
use performance::timing::{parse_count, time_best_of};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let width = parse_count(arg.as_deref(), "WIDTH", 72).unwrap_or_else(|message| {
        eprintln!("error: {message} (usage: julia [WIDTH])");
        std::process::exit(2);
    }) as usize;
    let height = (width / 3).max(1);
    let (c, max_iter) = ((-0.8, 0.156), 500);
    let (image, serial) = time_best_of(3, || julia(width, height, c, max_iter, false));
    let (parallel_image, parallel) = time_best_of(3, || julia(width, height, c, max_iter, true));
    assert_eq!(image, parallel_image, "rayon must not change the picture");
    let shades = [' ', '.', ':', '-', '=', '+', '*', '#', '%', '@'];
    for row in image.chunks(width) {
        let line: String = row
            .iter()
            .map(|&k| shades[(k as usize * (shades.len() - 1)) / max_iter as usize])
            .collect();
        println!("{line}");
    }
    println!(
        "{width} x {height} pixels: serial {:.3} ms, rayon {:.3} ms ({} threads)",
        serial * 1e3,
        parallel * 1e3,
        rayon::current_num_threads()
    );
}
// ANCHOR_END: main
