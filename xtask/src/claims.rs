//! Checked claims: a sentence that interprets a measurement ("A is faster
//! than B", "stays flat", "N× as fast") is written as a directive whose
//! condition the build evaluates on the results of the same run:
//!
//! ```text
//! {{#results claim faster ID_A ID_B [by=X] [measure=…] holds="…{ratio}…" fails="…{a}…{b}…"}}
//! {{#results claim flat GROUP FUNCTION [within=X] [from=P] [to=P] [measure=…] holds="…" fails="…{spread}…"}}
//! {{#results claim rises GROUP FUNCTION [by=X] [from=P] [to=P] [measure=…] holds="…{ratio}…" fails="…"}}
//! {{#results claim wins GROUP FUNCTION_A FUNCTION_B [measure=…] holds="…" fails="…{lost_at}…"}}
//! ```
//!
//! When the condition holds the page shows `holds`; when it does not, the
//! honest alternative `fails`; when a measurement is missing, `holds` with
//! its figures marked "not measured" and a note that it was not checked.
//! `bar="…"` marks a course-plan performance bar and `name="…"` names the
//! claim in the table `cargo xtask bench` prints at its end.

use crate::render::{self, Measure};
use crate::results::{Entry, Results};
use std::path::{Path, PathBuf};

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// A is at least `by` times as fast as B.
    Faster { a: String, b: String },
    /// The row's largest value over its smallest is at most `within`.
    Flat { group: String, function: String },
    /// The row's last value over its first is at least `by`.
    Rises { group: String, function: String },
    /// Function A is faster than function B at every shared parameter.
    Wins { group: String, a: String, b: String },
}

/// One claim, as written in a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub condition: Condition,
    pub measure: Measure,
    /// `by` for faster (default 1) and rises (default 2); `within` for flat
    /// (default 1.5).
    pub threshold: f64,
    pub from: Option<String>,
    pub to: Option<String>,
    pub holds: String,
    pub fails: String,
    pub bar: Option<String>,
    pub name: Option<String>,
}

/// Whether the results bear a claim out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Held,
    NotHeld,
    NotMeasured,
}

/// A claim's verdict and the figures its texts may quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub verdict: Verdict,
    pub figures: Vec<(&'static str, String)>,
}

const PLACEHOLDERS: [&str; 13] = [
    "ratio", "a", "b", "by", "min", "max", "spread", "first", "last", "wins", "of", "lost_at",
    "within",
];

impl Claim {
    /// Parses a claim from the directive's words after `results claim`.
    pub fn parse(positional: &[&str], options: &[(&str, &str)]) -> Result<Claim, String> {
        let option = |key: &str| options.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        for (key, _) in options {
            if ![
                "by", "within", "from", "to", "measure", "holds", "fails", "bar", "name",
            ]
            .contains(key)
            {
                return Err(format!("unknown claim option {key:?}"));
            }
        }
        let number = |key: &str, default: f64| -> Result<f64, String> {
            option(key).map_or(Ok(default), |v| {
                v.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && *x > 0.0)
                    .ok_or_else(|| format!("claim option {key}={v:?} is not a positive number"))
            })
        };
        let owned = |s: &&str| s.to_string();
        let (condition, threshold) = match positional {
            ["faster", a, b] => (
                Condition::Faster {
                    a: owned(a),
                    b: owned(b),
                },
                number("by", 1.0)?,
            ),
            ["flat", group, function] => (
                Condition::Flat {
                    group: owned(group),
                    function: owned(function),
                },
                number("within", 1.5)?,
            ),
            ["rises", group, function] => (
                Condition::Rises {
                    group: owned(group),
                    function: owned(function),
                },
                number("by", 2.0)?,
            ),
            ["wins", group, a, b] => (
                Condition::Wins {
                    group: owned(group),
                    a: owned(a),
                    b: owned(b),
                },
                1.0,
            ),
            _ => {
                return Err(format!(
                    "unknown claim `{}` (use: faster A B | flat GROUP FN | rises GROUP FN | wins GROUP A B)",
                    positional.join(" ")
                ));
            }
        };
        let text = |key: &str| {
            option(key)
                .map(str::to_string)
                .ok_or_else(|| format!("claim `{}` needs {key}=\"…\"", positional.join(" ")))
        };
        let claim = Claim {
            condition,
            measure: option("measure")
                .map(Measure::parse)
                .transpose()?
                .unwrap_or(Measure::Time),
            threshold,
            from: option("from").map(str::to_string),
            to: option("to").map(str::to_string),
            holds: text("holds")?,
            fails: text("fails")?,
            bar: option("bar").map(str::to_string),
            name: option("name").map(str::to_string),
        };
        for t in [&claim.holds, &claim.fails] {
            check_placeholders(t)?;
        }
        Ok(claim)
    }

    /// The claim's name in the bench's table.
    pub fn label(&self) -> String {
        if let Some(name) = self.bar.as_ref().or(self.name.as_ref()) {
            return name.clone();
        }
        let by = render::three_digits(self.threshold);
        match &self.condition {
            Condition::Faster { a, b } => format!("{a} ≥ {by}× as fast as {b}"),
            Condition::Flat { group, function } => format!("{group}/{function} flat within {by}×"),
            Condition::Rises { group, function } => format!("{group}/{function} rises ≥ {by}×"),
            Condition::Wins { group, a, b } => format!("{group}: {a} beats {b} everywhere"),
        }
    }

    /// Evaluates the claim on `results`.
    pub fn evaluate(&self, results: Option<&Results>) -> Evaluation {
        let not_measured = Evaluation {
            verdict: Verdict::NotMeasured,
            figures: Vec::new(),
        };
        let Some(results) = results else {
            return not_measured;
        };
        let value = |e: &Entry| {
            let group: Vec<&Entry> = results.group(&e.group).collect();
            self.measure.value_in(e, &group)
        };
        // Larger is better for rates; smaller for times.
        let higher_is_better = matches!(
            self.measure,
            Measure::Throughput | Measure::Flops | Measure::Speedup
        );
        let fmt = |v: f64| self.measure.format(v);
        let times = |x: f64| format!("{}×", render::three_digits(x));
        let by = ("by", times(self.threshold));
        match &self.condition {
            Condition::Faster { a, b } => {
                let (Some(va), Some(vb)) = (
                    results.find(a).and_then(value),
                    results.find(b).and_then(value),
                ) else {
                    return not_measured;
                };
                let speed = if higher_is_better { va / vb } else { vb / va };
                Evaluation {
                    verdict: verdict(speed >= self.threshold),
                    figures: vec![("ratio", times(speed)), ("a", fmt(va)), ("b", fmt(vb)), by],
                }
            }
            Condition::Flat { group, function } | Condition::Rises { group, function } => {
                let row = self.row(results, group, function, &value);
                if row.len() < 2 {
                    return not_measured;
                }
                let min = row.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
                let max = row.iter().map(|(_, v)| *v).fold(0.0, f64::max);
                let (first, last) = (row[0].1, row[row.len() - 1].1);
                let ok = match &self.condition {
                    Condition::Flat { .. } => max / min <= self.threshold,
                    _ if higher_is_better => first / last >= self.threshold,
                    _ => last / first >= self.threshold,
                };
                let rise = if higher_is_better {
                    first / last
                } else {
                    last / first
                };
                Evaluation {
                    verdict: verdict(ok),
                    figures: vec![
                        ("min", fmt(min)),
                        ("max", fmt(max)),
                        ("spread", times(max / min)),
                        ("first", fmt(first)),
                        ("last", fmt(last)),
                        ("ratio", times(rise)),
                        ("within", times(self.threshold)),
                        by,
                    ],
                }
            }
            Condition::Wins { group, a, b } => {
                let row_a = self.row(results, group, a, &value);
                let row_b = self.row(results, group, b, &value);
                let shared: Vec<(String, f64, f64)> = row_a
                    .iter()
                    .filter_map(|(p, va)| {
                        let vb = row_b.iter().find(|(q, _)| q == p)?.1;
                        Some((p.clone(), *va, vb))
                    })
                    .collect();
                if shared.is_empty() {
                    return not_measured;
                }
                let a_wins = |(_, va, vb): &&(String, f64, f64)| {
                    if higher_is_better { va > vb } else { va < vb }
                };
                let wins = shared.iter().filter(a_wins).count();
                let lost_at = shared
                    .iter()
                    .find(|s| !a_wins(s))
                    .map_or("none".to_string(), |(p, _, _)| p.clone());
                Evaluation {
                    verdict: verdict(wins == shared.len()),
                    figures: vec![
                        ("wins", wins.to_string()),
                        ("of", shared.len().to_string()),
                        ("lost_at", lost_at),
                    ],
                }
            }
        }
    }

    /// The row's (parameter, value) pairs in the tables' order, limited to
    /// `from..=to` when given.
    fn row(
        &self,
        results: &Results,
        group: &str,
        function: &str,
        value: &dyn Fn(&Entry) -> Option<f64>,
    ) -> Vec<(String, f64)> {
        let entries: Vec<&Entry> = results.group(group).collect();
        let mut row: Vec<(String, f64)> = render::parameters(&entries)
            .into_iter()
            .filter_map(|p| {
                let e = entries
                    .iter()
                    .find(|e| e.function == function && e.parameter == p)?;
                Some((p, value(e)?))
            })
            .collect();
        if let Some(from) = &self.from {
            let start = row.iter().position(|(p, _)| p == from).unwrap_or(row.len());
            row.drain(..start);
        }
        if let Some(to) = &self.to {
            if let Some(end) = row.iter().position(|(p, _)| p == to) {
                row.truncate(end + 1);
            } else {
                row.clear();
            }
        }
        row
    }

    /// The page text for these results.
    pub fn render(&self, results: Option<&Results>) -> String {
        let evaluation = self.evaluate(results);
        match evaluation.verdict {
            Verdict::Held => fill(&self.holds, &evaluation.figures),
            Verdict::NotHeld => fill(&self.fails, &evaluation.figures),
            Verdict::NotMeasured => format!(
                "{} *(This was not checked: {}.)*",
                fill(&self.holds, &[]),
                render::NOT_MEASURED
            ),
        }
    }
}

fn verdict(held: bool) -> Verdict {
    if held {
        Verdict::Held
    } else {
        Verdict::NotHeld
    }
}

/// Every `{name}` in `text` must be a known placeholder.
fn check_placeholders(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let end = after
            .find('}')
            .ok_or_else(|| format!("unclosed {{ in claim text {text:?}"))?;
        let name = &after[..end];
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "unknown placeholder {{{name}}} in claim text (use {})",
                PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
            ));
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

/// `text` with each `{name}` replaced by its figure, or "(not measured)".
fn fill(text: &str, figures: &[(&str, String)]) -> String {
    let mut out = text.to_string();
    for name in PLACEHOLDERS {
        let figure = figures
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("(not measured)", |(_, f)| f.as_str());
        out = out.replace(&format!("{{{name}}}"), figure);
    }
    out
}

/// Every claim in the Markdown pages under `dirs`, with its page.
pub fn collect(dirs: &[PathBuf]) -> Result<Vec<(PathBuf, Claim)>, String> {
    let mut pages: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| crate::site::files(dir, "md"))
        .collect();
    pages.sort();
    let mut claims = Vec::new();
    for page in pages {
        let text = std::fs::read_to_string(&page)
            .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
        let mut rest = text.as_str();
        while let Some(start) = rest.find("{{#results claim") {
            let after = &rest[start + 3..];
            let end = after
                .find("}}")
                .ok_or_else(|| format!("{}: a claim is not closed with }}}}", page.display()))?;
            let claim = crate::preprocess::parse_claim(&after[..end])
                .map_err(|e| format!("{}: {e}", page.display()))?;
            claims.push((page.clone(), claim));
            rest = &after[end + 2..];
        }
    }
    Ok(claims)
}

/// The table `cargo xtask bench` prints at its end: every claim, whether it
/// held, and its figures. Bars (course plan §7) come first.
pub fn table(claims: &[(PathBuf, Claim)], results: Option<&Results>, root: &Path) -> String {
    let mut rows: Vec<(bool, bool, String)> = claims
        .iter()
        .map(|(page, claim)| {
            let evaluation = claim.evaluate(results);
            let verdict = match evaluation.verdict {
                Verdict::Held => "held",
                Verdict::NotHeld => "NOT HELD",
                Verdict::NotMeasured => "not measured",
            };
            let figures: Vec<String> = evaluation
                .figures
                .iter()
                .filter(|(n, _)| ["ratio", "a", "b", "spread", "wins", "of", "lost_at"].contains(n))
                .map(|(n, f)| format!("{n} {f}"))
                .collect();
            let page = page.strip_prefix(root).unwrap_or(page).display();
            let kind = if claim.bar.is_some() { "bar" } else { "claim" };
            (
                claim.bar.is_none(),
                evaluation.verdict == Verdict::Held,
                format!(
                    "{verdict:<12} {kind:<5} {} ({page}){}",
                    claim.label(),
                    if figures.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", figures.join(", "))
                    }
                ),
            )
        })
        .collect();
    rows.sort_by_key(|(not_bar, _, _)| *not_bar);
    let held = rows.iter().filter(|(_, held, _)| *held).count();
    let mut out = format!(
        "Checked claims: {held} of {} held on this machine\n",
        claims.len()
    );
    for (_, _, row) in rows {
        out += &format!("  {row}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::{Machine, Results};

    fn entry(id: &str, mean_ns: f64) -> Entry {
        let mut parts = id.splitn(3, '/').collect::<Vec<_>>();
        // Ids here are `group/function/parameter` with a one-part group.
        let parameter = parts.pop().unwrap().to_string();
        let function = parts.pop().unwrap().to_string();
        Entry {
            group: parts.pop().unwrap().to_string(),
            function,
            parameter,
            mean_ns,
            elements: Some(10),
            bytes: Some(1000),
        }
    }

    fn results(entries: &[(&str, f64)]) -> Results {
        Results {
            machine: Machine {
                cpu: "test".into(),
                cores: 2,
                ..Machine::default()
            },
            mode: "quick".into(),
            not_measured: Vec::new(),
            entries: entries.iter().map(|(id, t)| entry(id, *t)).collect(),
            fingerprint: None,
        }
    }

    fn claim(directive: &str) -> Claim {
        crate::preprocess::parse_claim(directive).unwrap()
    }

    #[test]
    fn faster_renders_holds_or_the_alternative_with_figures() {
        let c = claim(
            r#"results claim faster g/fast/1 g/slow/1 by=2 holds="fast is {ratio} as fast" fails="only {ratio} ({a} vs {b})""#,
        );
        let r = results(&[("g/fast/1", 10.0), ("g/slow/1", 30.0)]);
        assert_eq!(c.render(Some(&r)), "fast is 3.00× as fast");
        let r = results(&[("g/fast/1", 20.0), ("g/slow/1", 30.0)]);
        assert_eq!(c.render(Some(&r)), "only 1.50× (20.0 ns vs 30.0 ns)");
    }

    #[test]
    fn throughput_claims_compare_rates() {
        let c = claim(
            r#"results claim faster g/sum/1 g/triad/1 measure=throughput by=0.85 holds="yes {ratio}" fails="no {ratio}""#,
        );
        // Same bytes: rate ratio = time(triad) / time(sum).
        let r = results(&[("g/sum/1", 100.0), ("g/triad/1", 90.0)]);
        assert_eq!(c.render(Some(&r)), "yes 0.90×");
        let r = results(&[("g/sum/1", 100.0), ("g/triad/1", 80.0)]);
        assert_eq!(c.render(Some(&r)), "no 0.80×");
    }

    #[test]
    fn flat_and_rises_read_the_row_in_order() {
        let r = results(&[("g/f/64", 10.0), ("g/f/128", 11.0), ("g/f/4096", 25.0)]);
        let flat = claim(
            r#"results claim flat g f holds="flat" fails="from {first} to {last}, {spread}""#,
        );
        assert_eq!(flat.render(Some(&r)), "from 10.0 ns to 25.0 ns, 2.50×");
        let flat_to = claim(r#"results claim flat g f to=128 holds="flat to 128" fails="no""#);
        assert_eq!(flat_to.render(Some(&r)), "flat to 128");
        let rises = claim(r#"results claim rises g f by=2 holds="rises {ratio}" fails="no""#);
        assert_eq!(rises.render(Some(&r)), "rises 2.50×");
        let steep = claim(r#"results claim rises g f by=4 holds="yes" fails="only {ratio}""#);
        assert_eq!(steep.render(Some(&r)), "only 2.50×");
    }

    #[test]
    fn wins_needs_every_shared_parameter() {
        let c = claim(
            r#"results claim wins g cpu gpu holds="the CPU wins everywhere" fails="the CPU won {wins} of {of}; not at {lost_at}""#,
        );
        let r = results(&[
            ("g/cpu/1", 1.0),
            ("g/gpu/1", 2.0),
            ("g/cpu/2", 1.0),
            ("g/gpu/2", 3.0),
        ]);
        assert_eq!(c.render(Some(&r)), "the CPU wins everywhere");
        let r = results(&[
            ("g/cpu/1", 1.0),
            ("g/gpu/1", 2.0),
            ("g/cpu/2", 5.0),
            ("g/gpu/2", 3.0),
        ]);
        assert_eq!(c.render(Some(&r)), "the CPU won 1 of 2; not at 2");
    }

    #[test]
    fn without_results_the_claim_says_it_was_not_checked() {
        let c =
            claim(r#"results claim faster g/a/1 g/b/1 holds="A is {ratio} as fast" fails="no""#);
        assert_eq!(
            c.render(None),
            "A is (not measured) as fast *(This was not checked: not measured in this build.)*"
        );
        let r = results(&[("g/a/1", 1.0)]);
        assert_eq!(c.evaluate(Some(&r)).verdict, Verdict::NotMeasured);
    }

    #[test]
    fn mistakes_in_a_claim_fail_the_build() {
        let parse = |d: &str| crate::preprocess::parse_claim(d).unwrap_err();
        assert!(parse(r#"results claim faster a b holds="x""#).contains("fails="));
        assert!(
            parse(r#"results claim quicker a b holds="x" fails="y""#).contains("unknown claim")
        );
        assert!(
            parse(r#"results claim faster a b holds="{speedup}" fails="y""#)
                .contains("unknown placeholder {speedup}")
        );
        assert!(
            parse(r#"results claim faster a b by=-1 holds="x" fails="y""#).contains("positive")
        );
        assert!(parse(r#"results claim faster a b bye=2 holds="x" fails="y""#).contains("bye"));
    }

    #[test]
    fn the_table_lists_bars_first_with_their_verdicts() {
        let claims = vec![
            (
                PathBuf::from("/r/src/p.md"),
                claim(r#"results claim faster g/a/1 g/b/1 holds="x" fails="y""#),
            ),
            (
                PathBuf::from("/r/src/q.md"),
                claim(
                    r#"results claim faster g/b/1 g/a/1 by=3 bar="b ≥ 3× a" holds="x" fails="y""#,
                ),
            ),
        ];
        let r = results(&[("g/a/1", 1.0), ("g/b/1", 2.0)]);
        let table = table(&claims, Some(&r), Path::new("/r"));
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "Checked claims: 1 of 2 held on this machine");
        assert!(
            lines[1].contains("NOT HELD")
                && lines[1].contains("bar")
                && lines[1].contains("b ≥ 3× a (src/q.md)"),
            "{table}"
        );
        assert!(
            lines[2].contains("held") && lines[2].contains("ratio 2.00×"),
            "{table}"
        );
    }
}
