//! Checks "which crate?": `cargo xtask exercise crates`. Each answer is
//! compared, ignoring case, with the crates the course uses or names for
//! that job; the first missing or wrong one gets a hint.
use std::process::exit;

#[cfg(not(feature = "solution"))]
#[path = "crates.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "crates_solution.rs"]
mod mine;

/// One job: the learner's answer, the accepted crate names, and a hint.
struct Job {
    question: &'static str,
    answer: &'static str,
    accepted: &'static [&'static str],
    hint: &'static str,
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_crates takes no arguments");
        exit(2);
    }
    let jobs = [
        Job {
            question: "1. arrays",
            answer: mine::ARRAYS,
            accepted: &["ndarray"],
            hint: "the crate of The stack's views and strides",
        },
        Job {
            question: "2. data frames",
            answer: mine::DATA_FRAMES,
            accepted: &["polars"],
            hint: "a data-frame library written in Rust, also usable from Python",
        },
        Job {
            question: "3. parallel loops",
            answer: mine::PARALLEL_LOOPS,
            accepted: &["rayon"],
            hint: "the work-stealing pool of Parallel computing (par_iter)",
        },
        Job {
            question: "4. messages between nodes",
            answer: mine::MESSAGES_BETWEEN_NODES,
            accepted: &["mpi", "rsmpi"],
            hint: "the Rust bindings to MPI (the crate is called mpi; its project rsmpi)",
        },
        Job {
            question: "5. GPU kernels",
            answer: mine::GPU_KERNELS,
            accepted: &["wgpu"],
            hint: "the crate that runs on Vulkan, Metal and DirectX alike (cudarc is NVIDIA only)",
        },
        Job {
            question: "6. benchmarks",
            answer: mine::BENCHMARKS,
            accepted: &["criterion"],
            hint: "the benchmark harness of benches/ in this course",
        },
        Job {
            question: "7. HDF5 files",
            answer: mine::HDF5_FILES,
            accepted: &["hdf5-metno", "hdf5"],
            hint: "Scientific data's HDF5 section names it",
        },
        Job {
            question: "8. called from Python",
            answer: mine::CALLED_FROM_PYTHON,
            accepted: &["pyo3"],
            hint: "the crate of Rust bindings to Python; maturin builds the module",
        },
    ];
    for job in &jobs {
        let answer = job.answer.trim();
        if answer.is_empty() {
            println!(
                "✗ crates: {}: no answer yet (write a crate's name between the quotes)",
                job.question
            );
            exit(1);
        }
        if !job
            .accepted
            .iter()
            .any(|name| name.eq_ignore_ascii_case(answer))
        {
            println!(
                "✗ crates: {}: not \"{answer}\"; hint: {}",
                job.question, job.hint
            );
            exit(1);
        }
    }
    println!(
        "✓ crates: correct, all {} jobs have their crate",
        jobs.len()
    );
}
