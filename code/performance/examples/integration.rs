//! The integration case study: every optimisation step on the same 1000
//! triples, with its time and its speed-up over the plain loop.
use performance::integration::{self, Problem};
use performance::timing::{parse_count, time_best_of};

/// One optimisation step: the integrals of all triples.
type Step<'a> = &'a dyn Fn(&Problem) -> Vec<f64>;

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let count = parse_count(arg.as_deref(), "COUNT", 1000).unwrap_or_else(|message| {
        eprintln!("error: {message} (usage: integration [COUNT])");
        std::process::exit(2);
    });
    let p = integration::problem(count as usize, 2024);
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
}
// ANCHOR_END: main
