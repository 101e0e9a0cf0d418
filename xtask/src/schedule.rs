//! The course schedule: one source (`schedule.toml`), rendered into the
//! learners' schedule page and the instructors' guide, and checked so that
//! every day adds up to its half-day.

use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Schedule {
    pub day: Vec<Day>,
    /// The course's learning outcomes (plan §6), numbered.
    #[serde(default)]
    pub outcome: Vec<Outcome>,
}

#[derive(Debug, Deserialize)]
pub struct Outcome {
    pub number: u32,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct Day {
    pub name: String,
    pub start: String,
    pub end: String,
    pub item: Vec<Item>,
}

#[derive(Debug, Deserialize)]
pub struct Item {
    pub title: String,
    pub minutes: u32,
    #[serde(default, rename = "break")]
    pub is_break: bool,
    /// The workspace crate that holds the episode's code.
    #[serde(rename = "crate")]
    pub crate_name: Option<String>,
    /// The learners' page, relative to `src/`.
    pub page: Option<String>,
    /// The instructor notes, relative to `instructor/`.
    pub notes: Option<String>,
    /// What is taught, in order; with the exercises and the questions it
    /// adds up to `minutes`.
    #[serde(default)]
    pub section: Vec<Section>,
    #[serde(default)]
    pub exercise: Vec<Exercise>,
    /// Minutes kept for questions (at least 5 in an episode).
    #[serde(default)]
    pub questions: u32,
}

/// A part of an episode as the instructor teaches it.
#[derive(Debug, Deserialize)]
pub struct Section {
    pub title: String,
    pub minutes: u32,
    /// The exercises done at the end of this section, by name.
    #[serde(default)]
    pub exercises: Vec<String>,
    /// The plan §6 outcomes this section teaches.
    #[serde(default)]
    pub outcomes: Vec<u32>,
}

/// A hands-on exercise: a starter the learner edits, a solution, and a
/// checker (see `exercise.rs`).
#[derive(Debug, Deserialize)]
pub struct Exercise {
    /// `cargo xtask exercise NAME`.
    pub name: String,
    pub title: String,
    pub minutes: u32,
    pub mode: Mode,
    #[serde(rename = "crate")]
    pub crate_name: String,
    #[serde(default)]
    pub runner: Runner,
    /// MPI ranks (`runner = "mpi"`).
    pub ranks: Option<u32>,
    /// The checking script (`runner = "script"`), relative to the root.
    pub script: Option<String>,
    /// The file the learner edits, when it is not `code/<crate>/exercises/<name>.rs`.
    pub starter: Option<String>,
    /// The reference solution, when it is not `…/<name>_solution.rs`.
    pub solution: Option<String>,
    /// The plan §6 outcomes it practises.
    #[serde(default)]
    pub outcomes: Vec<u32>,
    /// The exercise this one is an alternative to (a track of the same
    /// task): a learner does one of them, so the group takes the longest
    /// one's minutes.
    pub alternative_to: Option<String>,
}

impl Item {
    /// The minutes the episode's exercises take: alternatives count once.
    pub fn exercise_minutes(&self) -> u32 {
        let mut groups: Vec<(&str, u32)> = Vec::new();
        for e in &self.exercise {
            let group = e.alternative_to.as_deref().unwrap_or(&e.name);
            match groups.iter_mut().find(|(name, _)| *name == group) {
                Some((_, longest)) => *longest = (*longest).max(e.minutes),
                None => groups.push((group, e.minutes)),
            }
        }
        groups.iter().map(|(_, minutes)| minutes).sum()
    }
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Solo,
    Pairs,
    Demo,
}

/// How an exercise's checker runs.
#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Runner {
    /// `cargo run -p CRATE --example exercise_NAME`.
    #[default]
    Cargo,
    /// The same example under `mpirun -n RANKS`.
    Mpi,
    /// The same example, on the GPU adapter.
    Gpu,
    /// `bash SCRIPT [--solution]`.
    Script,
}

impl Mode {
    pub fn word(self) -> &'static str {
        match self {
            Mode::Solo => "solo",
            Mode::Pairs => "in pairs",
            Mode::Demo => "demo",
        }
    }
}

impl Exercise {
    /// The file the learner edits, relative to the workspace root.
    pub fn starter_path(&self) -> String {
        self.starter
            .clone()
            .unwrap_or_else(|| format!("code/{}/exercises/{}.rs", self.crate_name, self.name))
    }

    /// The reference solution, relative to the workspace root.
    pub fn solution_path(&self) -> String {
        self.solution.clone().unwrap_or_else(|| {
            format!(
                "code/{}/exercises/{}_solution.rs",
                self.crate_name, self.name
            )
        })
    }

    /// The checker: the example's source, or the script.
    pub fn checker_path(&self) -> String {
        match (&self.runner, &self.script) {
            (Runner::Script, Some(script)) => script.clone(),
            _ => format!("code/{}/exercises/{}_check.rs", self.crate_name, self.name),
        }
    }

    pub fn command(&self) -> String {
        format!("cargo xtask exercise {}", self.name)
    }
}

/// One item with its clock times, in minutes after midnight.
pub struct Slot<'a> {
    pub start: u32,
    pub end: u32,
    pub item: &'a Item,
}

pub fn load(path: &Path) -> Result<Schedule, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse(text: &str) -> Result<Schedule, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// "09:15" -> 555.
pub fn parse_clock(clock: &str) -> Result<u32, String> {
    let bad = || format!("{clock:?} is not a time of day like 09:15");
    let (h, m) = clock.split_once(':').ok_or_else(bad)?;
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 || clock.len() != 5 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// 555 -> "09:15".
pub fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Day {
    /// The items laid end to end from the day's start.
    pub fn slots(&self) -> Result<Vec<Slot<'_>>, String> {
        let mut t = parse_clock(&self.start)?;
        let mut slots = Vec::new();
        for item in &self.item {
            slots.push(Slot {
                start: t,
                end: t + item.minutes,
                item,
            });
            t += item.minutes;
        }
        Ok(slots)
    }
}

impl Schedule {
    /// Every way the schedule can fail to add up, as sentences.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for day in &self.day {
            let (start, end) = match (parse_clock(&day.start), parse_clock(&day.end)) {
                (Ok(s), Ok(e)) => (s, e),
                (Err(e), _) | (_, Err(e)) => {
                    problems.push(format!("{}: {e}", day.name));
                    continue;
                }
            };
            let planned: u32 = day.item.iter().map(|i| i.minutes).sum();
            if start + planned != end {
                problems.push(format!(
                    "{}: items add up to {planned} min, {}-{} is {} min",
                    day.name,
                    day.start,
                    day.end,
                    end.saturating_sub(start)
                ));
            }
            for item in &day.item {
                if item.minutes == 0 {
                    problems.push(format!("{}: {:?} has no minutes", day.name, item.title));
                }
                if !item.is_break && item.crate_name.is_none() {
                    problems.push(format!(
                        "{}: episode {:?} names no crate",
                        day.name, item.title
                    ));
                }
            }
        }
        problems
    }

    /// Every episode with its exercises, in course order.
    pub fn exercises(&self) -> impl Iterator<Item = (&Item, &Exercise)> {
        self.episodes()
            .flat_map(|item| item.exercise.iter().map(move |e| (item, e)))
    }

    /// Every item that is not a break.
    pub fn episodes(&self) -> impl Iterator<Item = &Item> {
        self.day
            .iter()
            .flat_map(|d| &d.item)
            .filter(|i| !i.is_break)
    }

    pub fn exercise(&self, name: &str) -> Option<(&Item, &Exercise)> {
        self.exercises().find(|(_, e)| e.name == name)
    }

    /// Where an episode's minutes disagree with its slot, an exercise is
    /// not well formed, or an outcome is never taught or practised.
    pub fn minute_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut names = std::collections::BTreeSet::new();
        let outcome_numbers: Vec<u32> = self.outcome.iter().map(|o| o.number).collect();
        for item in self.episodes() {
            let t = &item.title;
            if item.section.is_empty() {
                problems.push(format!("{t:?} has no [[day.item.section]] rows"));
            }
            let sections: u32 = item.section.iter().map(|s| s.minutes).sum();
            let exercises = item.exercise_minutes();
            let total = sections + exercises + item.questions;
            if total != item.minutes {
                problems.push(format!(
                    "{t:?}: sections {sections} + exercises {exercises} + questions {} = {total} min, but its slot is {} min",
                    item.questions, item.minutes
                ));
            }
            if item.questions < 5 {
                problems.push(format!(
                    "{t:?} keeps {} min for questions (at least 5)",
                    item.questions
                ));
            }
            for section in &item.section {
                for name in &section.exercises {
                    if !item.exercise.iter().any(|e| &e.name == name) {
                        problems.push(format!(
                            "{t:?}: section {:?} names exercise {name:?}, which is not one of this episode's",
                            section.title
                        ));
                    }
                }
                for n in &section.outcomes {
                    if !outcome_numbers.contains(n) {
                        problems.push(format!(
                            "{t:?}: section {:?} names outcome {n}, which does not exist",
                            section.title
                        ));
                    }
                }
            }
            for e in &item.exercise {
                if !names.insert(e.name.clone()) {
                    problems.push(format!("exercise {:?} is registered twice", e.name));
                }
                if e.name.is_empty()
                    || !e
                        .name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                {
                    problems.push(format!("exercise name {:?}: use a-z, 0-9 and _", e.name));
                }
                if e.runner == Runner::Mpi && e.ranks.is_none() {
                    problems.push(format!(
                        "exercise {:?} runs under MPI but gives no ranks",
                        e.name
                    ));
                }
                if e.runner == Runner::Script
                    && (e.script.is_none() || e.starter.is_none() || e.solution.is_none())
                {
                    problems.push(format!(
                        "exercise {:?} is checked by a script: give script, starter and solution",
                        e.name
                    ));
                }
                if let Some(other) = &e.alternative_to
                    && !item
                        .exercise
                        .iter()
                        .any(|x| &x.name == other && x.alternative_to.is_none())
                {
                    problems.push(format!(
                        "exercise {:?} is an alternative to {other:?}, which is not a first-choice exercise of the same episode",
                        e.name
                    ));
                }
                if e.outcomes.is_empty() {
                    problems.push(format!("exercise {:?} practises no outcome", e.name));
                }
                for n in &e.outcomes {
                    if !outcome_numbers.contains(n) {
                        problems.push(format!(
                            "exercise {:?} names outcome {n}, which does not exist",
                            e.name
                        ));
                    }
                }
            }
        }
        for o in &self.outcome {
            if !self
                .exercises()
                .any(|(_, e)| e.outcomes.contains(&o.number))
            {
                problems.push(format!(
                    "outcome {} ({}) is practised by no exercise",
                    o.number, o.text
                ));
            }
            if !self
                .episodes()
                .flat_map(|i| &i.section)
                .any(|s| s.outcomes.contains(&o.number))
            {
                problems.push(format!(
                    "outcome {} ({}) is taught in no section",
                    o.number, o.text
                ));
            }
        }
        problems
    }

    /// The instructor notes' timing table for the episode whose notes are
    /// `notes` (relative to the instructors' `src/`).
    pub fn timing_markdown(&self, notes: &str) -> Result<String, String> {
        let item = self
            .episodes()
            .find(|i| i.notes.as_deref() == Some(notes))
            .ok_or_else(|| format!("no episode in schedule.toml has notes = {notes:?}"))?;
        let mut out = String::from("| Minutes | What | How |\n| --: | --- | --- |\n");
        let mut listed = Vec::new();
        let exercise_row = |e: &Exercise| {
            let alternative = match &e.alternative_to {
                Some(other) => format!(", instead of `{other}`"),
                None => String::new(),
            };
            format!(
                "| {} | Exercise: {}{alternative} (`{}`) | {} |\n",
                e.minutes,
                e.title,
                e.command(),
                e.mode.word()
            )
        };
        for section in &item.section {
            out += &format!("| {} | {} | taught |\n", section.minutes, section.title);
            for name in &section.exercises {
                if let Some(e) = item.exercise.iter().find(|e| &e.name == name) {
                    out += &exercise_row(e);
                    listed.push(name.as_str());
                }
            }
        }
        for e in item
            .exercise
            .iter()
            .filter(|e| !listed.contains(&e.name.as_str()))
        {
            out += &exercise_row(e);
        }
        out += &format!("| {} | Questions | |\n", item.questions);
        out += &format!("| **{}** | **the slot** | |\n", item.minutes);
        Ok(out)
    }

    /// The first line of an exercise box on a learners' page (`page`
    /// relative to `src/`): title, minutes, mode, the file and the command.
    pub fn exercise_markdown(&self, name: &str, page: &str) -> Result<String, String> {
        let (item, e) = self
            .exercise(name)
            .ok_or_else(|| format!("no exercise {name:?} in schedule.toml"))?;
        if item.page.as_deref() != Some(page) {
            return Err(format!(
                "exercise {name:?} belongs to {:?}, not to this page",
                item.title
            ));
        }
        Ok(format!(
            "**Exercise: {}** ({} min, {}). Edit `{}`, then check it with `{}`.",
            e.title,
            e.minutes,
            e.mode.word(),
            e.starter_path(),
            e.command()
        ))
    }

    /// An exercise as the instructor notes (`notes`, relative to the
    /// instructors' `src/`) name it: title, command, minutes and mode.
    pub fn exercise_note(&self, name: &str, notes: &str) -> Result<String, String> {
        let (item, e) = self
            .exercise(name)
            .ok_or_else(|| format!("no exercise {name:?} in schedule.toml"))?;
        if item.notes.as_deref() != Some(notes) {
            return Err(format!(
                "exercise {name:?} belongs to {:?}, not to these notes",
                item.title
            ));
        }
        Ok(format!(
            "**{}** (`{}`, {} min, {})",
            e.title,
            e.command(),
            e.minutes,
            e.mode.word()
        ))
    }

    /// The learning-outcomes page: each outcome, the episodes and sections
    /// that teach it, and the exercises that practise it.
    pub fn outcomes_markdown(&self) -> String {
        let mut out = String::new();
        for o in &self.outcome {
            out += &format!("## {}. {}\n\n", o.number, o.text);
            let taught: Vec<String> = self
                .episodes()
                .flat_map(|i| i.section.iter().map(move |s| (i, s)))
                .filter(|(_, s)| s.outcomes.contains(&o.number))
                .map(|(i, s)| format!("{} ({})", s.title, page_link(i)))
                .collect();
            let practised: Vec<String> = self
                .exercises()
                .filter(|(_, e)| e.outcomes.contains(&o.number))
                .map(|(i, e)| format!("*{}* (`{}`, {})", e.title, e.command(), page_link(i)))
                .collect();
            out += &format!("- **Taught in:** {}\n", list_or_none(&taught));
            out += &format!("- **Practised in:** {}\n\n", list_or_none(&practised));
        }
        out
    }

    /// The learners' schedule: one table per day, episodes linked to their
    /// pages where a page exists (`book_src` is the book's `src/`).
    pub fn learners_markdown(&self, book_src: &Path) -> String {
        let mut out = String::new();
        for day in &self.day {
            out += &format!("## {}\n\n| Time | Episode |\n| --- | --- |\n", day.name);
            for slot in day.slots().unwrap_or_default() {
                let title = match &slot.item.page {
                    Some(page) if book_src.join(page).exists() => {
                        format!("[{}]({page})", slot.item.title)
                    }
                    _ if slot.item.is_break => format!("*{}*", slot.item.title),
                    _ => format!("{} ¹", slot.item.title),
                };
                out += &format!("| {}–{} | {title} |\n", clock(slot.start), clock(slot.end));
            }
            out += "\n";
        }
        out += "¹ Not yet written in this edition of the course.\n";
        out
    }

    /// The instructors' schedule: minutes, crate, and a link to the notes.
    pub fn instructor_markdown(&self, guide_dir: &Path) -> String {
        let mut out = String::new();
        for day in &self.day {
            out += &format!(
                "## {} ({}–{})\n\n| Time | Min | Episode | Crate | Notes |\n| --- | --: | --- | --- | --- |\n",
                day.name, day.start, day.end
            );
            for slot in day.slots().unwrap_or_default() {
                let item = slot.item;
                let krate = item
                    .crate_name
                    .as_deref()
                    .map(|c| format!("`{c}`"))
                    .unwrap_or_default();
                let notes = match &item.notes {
                    Some(notes) if guide_dir.join(notes).exists() => format!("[notes]({notes})"),
                    _ if item.is_break => String::new(),
                    _ => "not yet written".to_string(),
                };
                out += &format!(
                    "| {}–{} | {} | {} | {krate} | {notes} |\n",
                    clock(slot.start),
                    clock(slot.end),
                    item.minutes,
                    item.title
                );
            }
            out += "\n";
        }
        out
    }
}

/// A Markdown link to an episode's page from `src/reference/`.
fn page_link(item: &Item) -> String {
    match &item.page {
        Some(page) => format!("[{}](../{page})", item.title),
        None => item.title.clone(),
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none yet".into()
    } else {
        items.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_round_trip() {
        assert_eq!(parse_clock("09:15"), Ok(555));
        assert_eq!(clock(555), "09:15");
        assert!(parse_clock("9:15").is_err());
        assert!(parse_clock("24:00").is_err());
    }

    #[test]
    fn a_day_that_does_not_add_up_is_reported() {
        let s = parse(
            r#"
            [[day]]
            name = "Day X"
            start = "09:00"
            end = "10:00"
            [[day.item]]
            title = "Too short"
            minutes = 50
            crate = "x"
            "#,
        )
        .unwrap();
        assert_eq!(
            s.problems(),
            ["Day X: items add up to 50 min, 09:00-10:00 is 60 min"]
        );
    }

    const EPISODE: &str = r#"
        [[day]]
        name = "Day X"
        start = "09:00"
        end = "09:30"
        [[day.item]]
        title = "Arrays"
        minutes = 30
        crate = "stack"
        page = "day-x/arrays.md"
        notes = "day-x/arrays.md"
        questions = 5
        [[day.item.section]]
        title = "Strides"
        minutes = 15
        exercises = ["strides"]
        outcomes = [3]
        [[day.item.exercise]]
        name = "strides"
        title = "Predict the strides"
        minutes = 10
        mode = "pairs"
        crate = "stack"
        outcomes = [3]
        [[outcome]]
        number = 3
        text = "Work with arrays."
        "#;

    #[test]
    fn minutes_add_up_and_render_for_notes_and_pages() {
        let s = parse(EPISODE).unwrap();
        assert_eq!(s.minute_problems(), Vec::<String>::new());
        let timing = s.timing_markdown("day-x/arrays.md").unwrap();
        assert!(timing.contains("| 15 | Strides | taught |\n| 10 | Exercise: Predict the strides (`cargo xtask exercise strides`) | in pairs |"));
        assert!(timing.contains("| 5 | Questions |"));
        let line = s.exercise_markdown("strides", "day-x/arrays.md").unwrap();
        assert_eq!(
            line,
            "**Exercise: Predict the strides** (10 min, in pairs). Edit `code/stack/exercises/strides.rs`, then check it with `cargo xtask exercise strides`."
        );
        assert!(s.exercise_markdown("strides", "day-y/other.md").is_err());
        assert_eq!(
            s.exercise_note("strides", "day-x/arrays.md").unwrap(),
            "**Predict the strides** (`cargo xtask exercise strides`, 10 min, in pairs)"
        );
        assert!(s.outcomes_markdown().contains("*Predict the strides*"));
    }

    #[test]
    fn an_episode_that_overruns_or_an_unpractised_outcome_is_reported() {
        let text = EPISODE.replace("minutes = 15", "minutes = 20").replace(
            "outcomes = [3]\n        [[outcome]]",
            "outcomes = [4]\n        [[outcome]]",
        );
        let problems = parse(&text).unwrap().minute_problems();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("= 35 min, but its slot is 30 min")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("names outcome 4")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("practised by no exercise")),
            "{problems:?}"
        );
    }

    #[test]
    fn alternative_tracks_take_the_longest_ones_minutes_once() {
        let text = EPISODE.replace(
            "outcomes = [3]\n        [[outcome]]",
            "outcomes = [3]\n        [[day.item.exercise]]\n        name = \"strides_gpu\"\n        title = \"T\"\n        minutes = 8\n        mode = \"solo\"\n        crate = \"gpu\"\n        alternative_to = \"strides\"\n        outcomes = [3]\n        [[outcome]]",
        );
        let s = parse(&text).unwrap();
        assert_eq!(s.day[0].item[0].exercise_minutes(), 10);
        assert_eq!(s.minute_problems(), Vec::<String>::new());
        let timing = s.timing_markdown("day-x/arrays.md").unwrap();
        assert!(timing.contains("| 8 | Exercise: T, instead of `strides` (`cargo xtask exercise strides_gpu`) | solo |"), "{timing}");
    }
}
