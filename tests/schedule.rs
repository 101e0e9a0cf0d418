//! The schedule has one source, and every day adds up to its half-day.

use course::schedule::{self, clock};
use std::path::PathBuf;

fn load() -> schedule::Schedule {
    schedule::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schedule.toml")).unwrap()
}

#[test]
fn every_day_adds_up_to_its_half_day() {
    let problems = load().problems();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn day_one_runs_from_nine_to_twenty_past_twelve_with_its_breaks() {
    let schedule = load();
    let day = &schedule.day[0];
    let slots: Vec<(String, String, &str)> = day
        .slots()
        .unwrap()
        .iter()
        .map(|s| (clock(s.start), clock(s.end), s.item.title.as_str()))
        .collect();
    let expected = [
        ("09:00", "09:15", "Motivation"),
        ("09:15", "09:50", "Scientific data"),
        ("09:50", "10:00", "Break"),
        (
            "10:00",
            "10:50",
            "The stack: arrays, memory and the machine",
        ),
        ("10:50", "11:00", "Break"),
        ("11:00", "12:20", "Parallel computing"),
    ];
    let got: Vec<(&str, &str, &str)> = slots
        .iter()
        .map(|(a, b, t)| (a.as_str(), b.as_str(), *t))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn three_half_days_all_start_at_nine() {
    let schedule = load();
    assert_eq!(schedule.day.len(), 3);
    for day in &schedule.day {
        assert_eq!(day.start, "09:00", "{}", day.name);
        assert!(
            day.item.iter().any(|i| i.is_break),
            "{} has no break",
            day.name
        );
    }
}

/// One source for minutes: each episode's sections, exercises and questions
/// add up to its slot, every exercise is well formed, and every outcome of
/// the plan is taught in a section and practised by an exercise.
#[test]
fn every_episode_adds_up_and_every_outcome_is_practised() {
    let problems = load().minute_problems();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The live-teaching model (see xtask/src/classroom.rs): prose at 150
/// words a minute, code shown at 15 lines a minute, the exercises and the
/// questions. The table is printed whether or not an episode overruns.
#[test]
fn every_episode_core_path_fits_its_slot() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rows = course::classroom::rows(&load(), &root.join("src")).unwrap();
    let (table, fits) = course::classroom::table(&rows);
    println!("{table}");
    assert!(fits, "an episode's core path overruns its slot:\n{table}");
}

/// Each exercise has its starter, solution and checker, and its box on its
/// episode's page; no page has an exercise box the harness does not know;
/// each episode's notes show the generated timing.
#[test]
fn every_exercise_is_on_its_page_with_its_files() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let schedule = load();
    let mut problems = Vec::new();
    for (item, e) in schedule.exercises() {
        problems.extend(course::exercise::missing_files(&root, e));
        let page = item.page.as_deref().unwrap_or_default();
        let text = std::fs::read_to_string(root.join("src").join(page)).unwrap_or_default();
        let boxes = text
            .matches(&format!("{{{{#exercise {}}}}}", e.name))
            .count();
        if boxes != 1 {
            problems.push(format!(
                "{page} shows exercise {:?} {boxes} times (once expected)",
                e.name
            ));
        }
    }
    for item in schedule.episodes() {
        if let Some(page) = &item.page {
            let text = std::fs::read_to_string(root.join("src").join(page)).unwrap();
            for line in text.lines().filter(|l| l.contains("**Exercise")) {
                problems.push(format!("{page}: a box outside the harness: {line}"));
            }
        }
        if let Some(notes) = &item.notes {
            let text = std::fs::read_to_string(root.join("instructor/src").join(notes)).unwrap();
            if !text.contains("{{#timing}}") {
                problems.push(format!(
                    "instructor/src/{notes} does not show {{{{#timing}}}}"
                ));
            }
            // Minutes and modes come from the registry, not typed in the notes.
            for e in &item.exercise {
                let named = text
                    .matches(&format!("{{{{#exercise-note {}}}}}", e.name))
                    .count();
                if named != 1 {
                    problems.push(format!(
                        "instructor/src/{notes} names exercise {:?} with {{{{#exercise-note}}}} {named} times (once expected)",
                        e.name
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
