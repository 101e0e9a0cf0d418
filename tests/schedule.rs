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
