//! A Julia set in the terminal, timed serially and with rayon:
//! `julia [WIDTH]`.
use course_cli::{Usage, check_rayon_threads, run};
use performance::julia::julia;
use performance::timing::time_best_of;

const USAGE: Usage = Usage::new(
    "julia",
    "[WIDTH]",
    "draws a Julia set in the terminal, timed serially and with rayon",
)
.details(
    "WIDTH  characters across, 1 to 2000 (default 72)
     RAYON_NUM_THREADS  (environment) threads, at most 1024",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let width: usize = args.count("WIDTH", 72, 1..=2000)?;
        args.done()?;
        check_rayon_threads()?;
        let height = (width / 3).max(1);
        let (c, max_iter) = ((-0.8, 0.156), 500);
        let (image, serial) = time_best_of(3, || julia(width, height, c, max_iter, false));
        let (parallel_image, parallel) =
            time_best_of(3, || julia(width, height, c, max_iter, true));
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
        Ok(())
    })
}
// ANCHOR_END: main
