//! The integration case study: every optimisation step on the same 1000
//! triples, with its time and its speed-up over the plain loop.
use course_cli::{Usage, check_rayon_threads, run};
use performance::integration::{self, Problem};
use performance::timing::time_best_of;

const USAGE: Usage = Usage::new(
    "integration",
    "[COUNT]",
    "times every optimisation step of the integration case study",
)
.details(
    "COUNT  integrals (triples a, b, n), 1 to 100_000 (default 1000)
     RAYON_NUM_THREADS  (environment) threads of the rayon step, at most 1024",
);

/// One optimisation step: the integrals of all triples.
type Step<'a> = &'a dyn Fn(&Problem) -> Vec<f64>;

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let count: usize = args.count("COUNT", 1000, 1..=100_000)?;
        args.done()?;
        check_rayon_threads()?;
        let p = integration::problem(count, 2024);
        let integrand: &dyn Fn(f64) -> f64 = &integration::f;
        let steps: [(&str, Step); 8] = [
            ("plain", &integration::apply_plain),
            ("dyn", &|p| integration::apply_dyn(p, integrand)),
            ("generic", &|p| {
                integration::apply_generic(p, integration::f)
            }),
            ("iterators", &integration::apply_iter),
            ("hoisted-checks", &integration::apply_hoisted_checks),
            ("lanes", &integration::apply_lanes),
            ("simd", &integration::apply_simd),
            ("rayon", &integration::apply_rayon),
        ];
        println!(
            "{count} integrals, {} evaluations of f",
            integration::evaluations(&p)
        );
        let mut plain_time = None;
        for (name, step) in steps {
            let (result, seconds) = time_best_of(20, || step(&p));
            let base = *plain_time.get_or_insert(seconds);
            println!(
                "{name:>15}: sum of results {:+.9}, {:9.1} µs, {:5.1}x the plain loop",
                result.iter().sum::<f64>(),
                seconds * 1e6,
                base / seconds
            );
        }
        Ok(())
    })
}
// ANCHOR_END: main
