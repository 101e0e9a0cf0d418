//! Checks "predict the strides": `cargo xtask exercise strides`. Compares
//! each prediction with the strides ndarray reports, and explains the first
//! one that is missing or wrong.
use stack::arrays::strides_quiz;
use std::process::exit;

#[cfg(not(feature = "solution"))]
#[path = "strides.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "strides_solution.rs"]
mod mine;

/// Why each view has the strides it has: shown once a prediction is wrong.
const RULES: [&str; 6] = [
    "a 4 x 6 C-order array has strides [6, 1]; transposing swaps shape and strides",
    "in Fortran order the first index has stride 1, and the next one steps over a whole column of 4",
    "start from the C-order strides [6, 1]; a step of 2 in rows and of 3 in columns multiplies them",
    "in C order the last index has stride 1, and each earlier stride is the product of the lengths after it",
    "in Fortran order the first index has stride 1, and each later stride is the product of the lengths before it",
    "broadcasting repeats the same row along the new axis without copying it: what step does that take in memory?",
];

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_strides takes no arguments");
        exit(2);
    }
    let quiz = strides_quiz();
    let mut right = 0;
    let mut first_problem = None;
    for (index, ((view, actual), guess)) in quiz.iter().zip(mine::PREDICTED_STRIDES).enumerate() {
        match guess {
            Some(guess) if guess == actual.as_slice() => right += 1,
            Some(guess) => {
                first_problem.get_or_insert(format!(
                    "{} ({view}): {guess:?} is not its strides; hint: {}",
                    index + 1,
                    RULES[index]
                ));
            }
            None => {
                first_problem.get_or_insert(format!(
                    "{} ({view}): no prediction yet; replace its None by e.g. Some(&[4, 1])",
                    index + 1
                ));
            }
        }
    }
    match first_problem {
        Some(problem) => {
            println!("✗ strides: {right} of {} right; {problem}", quiz.len());
            exit(1);
        }
        None => println!("✓ strides: correct, all {} strides predicted", quiz.len()),
    }
}
