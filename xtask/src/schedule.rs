//! The course schedule: one source (`schedule.toml`), rendered into the
//! learners' schedule page and the instructors' guide, and checked so that
//! every day adds up to its half-day.

use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Schedule {
    pub day: Vec<Day>,
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
}
