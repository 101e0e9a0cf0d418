//! The Mandelbrot set: a small picture, how unevenly the work is spread over
//! the rows, and the time of three schedules on all cores.
use course_cli::timing::timed;
use course_cli::{Usage, check_rayon_threads, run};
use parallel::mandelbrot::{
    View, ascii_art, mandelbrot_rayon_rows, mandelbrot_serial, mandelbrot_static_blocks,
    work_shares,
};

const USAGE: Usage = Usage::new(
    "mandelbrot",
    "[WIDTH]",
    "times three schedules of the Mandelbrot set on all cores",
)
.details(
    "WIDTH  pixels across, 2 to 8000 (default 1200)
     RAYON_NUM_THREADS  (environment) threads, at most 1024",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let width: usize = args.count("WIDTH", 1200, 2..=8000)?;
        args.done()?;
        check_rayon_threads()?;
        let threads = rayon::current_num_threads();

        let preview = View::upper_half(72, 200);
        print!("{}", ascii_art(&mandelbrot_serial(&preview), &preview));

        let view = View::upper_half(width, 500);
        println!(
            "image: {} x {} pixels, at most {} iterations each",
            view.width, view.height, view.max_iter
        );
        let (reference, t_serial) = timed(|| mandelbrot_serial(&view));
        let shares: Vec<String> = work_shares(&reference, &view, threads)
            .iter()
            .map(|share| format!("{:.1}%", 100.0 * share))
            .collect();
        println!(
            "work per block of rows, {threads} blocks: {}",
            shares.join(" ")
        );

        let (blocks, t_blocks) = timed(|| mandelbrot_static_blocks(&view, threads));
        let (rows, t_rows) = timed(|| mandelbrot_rayon_rows(&view));
        println!("serial:                   {t_serial:.3} s");
        println!(
            "static blocks, {threads} threads: {t_blocks:.3} s, same image: {}",
            blocks == reference
        );
        println!(
            "rayon rows, {threads} threads:    {t_rows:.3} s, same image: {}",
            rows == reference
        );
        Ok(())
    })
}
// ANCHOR_END: main
