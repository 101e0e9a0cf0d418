//! Results to page content: tables, SVG plots, ratios and the machine stamp.
//! Whatever is missing renders as "not measured in this build".

use crate::results::{Entry, Results};

pub const NOT_MEASURED: &str = "not measured in this build";

/// "0.52 ns", "1.23 µs", "12.3 ms", "1.20 s".
pub fn format_time(ns: f64) -> String {
    scaled(ns, &[(1e9, "s"), (1e6, "ms"), (1e3, "µs"), (1.0, "ns")])
}

/// A number with three significant digits (at most one decimal for ≥ 100).
pub fn three_digits(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

/// `value` in the largest of `units` (each a power of ten and its name,
/// largest first) that it reaches, or in the last one.
fn scaled(value: f64, units: &[(f64, &str)]) -> String {
    let (scale, unit) = units
        .iter()
        .find(|(scale, _)| value >= *scale)
        .or(units.last())
        .expect("at least one unit");
    format!("{} {unit}", three_digits(value / scale))
}

/// Bytes per second as "1.23 GB/s" (decimal units, as bandwidths are quoted).
pub fn format_rate(bytes_per_s: f64) -> String {
    scaled(bytes_per_s, &[(1e9, "GB/s"), (1e6, "MB/s"), (1e3, "kB/s")])
}

/// Floating-point operations per second as "12.3 GFLOP/s".
pub fn format_flops(per_s: f64) -> String {
    scaled(
        per_s,
        &[(1e12, "TFLOP/s"), (1e9, "GFLOP/s"), (1e6, "MFLOP/s")],
    )
}

/// What a table cell or plot point shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// Mean time of one iteration.
    Time,
    /// Mean time divided by the elements one iteration processes.
    TimePerElement,
    /// Bytes processed per second.
    Throughput,
    /// Speedup over the same row at parameter 1: its mean time there divided
    /// by the mean time here (a thread count as parameter gives strong scaling).
    Speedup,
    /// Elements per second, for benchmarks that count floating-point
    /// operations as their elements: "12.3 GFLOP/s".
    Flops,
}

impl Measure {
    pub fn parse(text: &str) -> Result<Measure, String> {
        match text {
            "time" => Ok(Measure::Time),
            "element" => Ok(Measure::TimePerElement),
            "throughput" => Ok(Measure::Throughput),
            "speedup" => Ok(Measure::Speedup),
            "flops" => Ok(Measure::Flops),
            other => Err(format!(
                "unknown measure {other:?} (use time, element, throughput, speedup or flops)"
            )),
        }
    }

    fn value(self, e: &Entry) -> Option<f64> {
        match self {
            Measure::Time => Some(e.mean_ns),
            Measure::TimePerElement => e.elements.map(|n| e.mean_ns / n as f64),
            Measure::Throughput => e.bytes.map(|b| b as f64 / (e.mean_ns * 1e-9)),
            Measure::Flops => e.elements.map(|n| n as f64 / (e.mean_ns * 1e-9)),
            // Needs the row's other entries: see `value_in`.
            Measure::Speedup => None,
        }
    }

    /// The value of `e` among the entries of its group (which `Speedup`
    /// needs for the row's time at parameter 1).
    pub fn value_in(self, e: &Entry, group: &[&Entry]) -> Option<f64> {
        if self != Measure::Speedup {
            return self.value(e);
        }
        let baseline = group.iter().find(|b| {
            b.function == e.function && b.parameter.parse::<f64>().is_ok_and(|p| p == 1.0)
        })?;
        (e.mean_ns > 0.0).then(|| baseline.mean_ns / e.mean_ns)
    }

    pub fn format(self, value: f64) -> String {
        match self {
            Measure::Time | Measure::TimePerElement => format_time(value),
            Measure::Throughput => format_rate(value),
            Measure::Speedup => format!("{}×", three_digits(value)),
            Measure::Flops => format_flops(value),
        }
    }

    fn axis_label(self) -> &'static str {
        match self {
            Measure::Time => "time per iteration",
            Measure::TimePerElement => "time per element",
            Measure::Throughput => "throughput",
            Measure::Speedup => "speedup over x = 1",
            Measure::Flops => "floating-point operations per second",
        }
    }
}

/// The parameters (columns, x values) of a group, in numeric order when all
/// are numbers, else in order of first appearance.
pub fn parameters(entries: &[&Entry]) -> Vec<String> {
    let mut params: Vec<String> = Vec::new();
    for e in entries {
        if !params.contains(&e.parameter) {
            params.push(e.parameter.clone());
        }
    }
    if params.iter().all(|p| p.parse::<f64>().is_ok()) {
        params.sort_by(|a, b| {
            a.parse::<f64>()
                .unwrap()
                .total_cmp(&b.parse::<f64>().unwrap())
        });
    }
    params
}

/// A number to three significant digits, without an exponent: "0.123",
/// "1.23", "12.3", "123", "1230" (a table's cells; the unit is in its header).
pub fn significant(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    let digits = value.abs().log10().floor() as i32;
    if digits >= 2 {
        // 61234 -> 61200: round away the digits after the third.
        let step = 10f64.powi(digits - 2);
        format!("{:.0}", (value / step).round() * step)
    } else {
        let decimals = (2 - digits) as usize;
        format!("{value:.decimals$}")
    }
}

impl Measure {
    /// The unit ladder of a measure (each a power of ten and its name,
    /// largest first); empty for a ratio.
    fn units(self) -> &'static [(f64, &'static str)] {
        match self {
            Measure::Time | Measure::TimePerElement => {
                &[(1e9, "s"), (1e6, "ms"), (1e3, "µs"), (1.0, "ns")]
            }
            Measure::Throughput => &[(1e9, "GB/s"), (1e6, "MB/s"), (1e3, "kB/s"), (1.0, "B/s")],
            Measure::Flops => &[
                (1e12, "TFLOP/s"),
                (1e9, "GFLOP/s"),
                (1e6, "MFLOP/s"),
                (1.0, "FLOP/s"),
            ],
            Measure::Speedup => &[],
        }
    }

    /// One unit for a whole table: the largest in which the smallest value
    /// is still at least 1, so that no cell needs a leading "0.0".
    fn common_unit(self, values: &[f64]) -> (f64, &'static str) {
        let Some(smallest) = values.iter().copied().filter(|v| *v > 0.0).reduce(f64::min) else {
            return self.units().last().copied().unwrap_or((1.0, "×"));
        };
        match self {
            Measure::Speedup => (1.0, "×"),
            _ => self
                .units()
                .iter()
                .copied()
                .find(|(scale, _)| smallest >= *scale)
                .or(self.units().last().copied())
                .expect("a unit ladder"),
        }
    }
}

/// Tables wider than this many columns are transposed (when that makes
/// them narrower): a reader scans a row, not a wide grid.
pub const MAX_TABLE_COLUMNS: usize = 6;

/// An HTML table: one row per function (the `rows` given, in that order),
/// one column per parameter, or the other way round when that keeps it to
/// at most [`MAX_TABLE_COLUMNS`] columns. One unit for the whole table, in
/// its top-left header; cells are bare numbers to three significant
/// digits, right-aligned and never wrapped (`theme/course.css`). A row with
/// no measurement says why, once.
pub fn table(results: Option<&Results>, group: &str, rows: &[String], measure: Measure) -> String {
    let entries: Vec<&Entry> = results
        .map(|r| r.group(group).collect())
        .unwrap_or_default();
    if entries.is_empty() {
        return format!("*`{group}`: {NOT_MEASURED}.*\n");
    }
    let rows: Vec<String> = if rows.is_empty() {
        let mut found: Vec<String> = Vec::new();
        for e in &entries {
            if !found.contains(&e.function) {
                found.push(e.function.clone());
            }
        }
        found
    } else {
        rows.to_vec()
    };
    let params = parameters(&entries);
    let value = |row: &str, param: &str| {
        entries
            .iter()
            .find(|e| e.function == row && e.parameter == param)
            .and_then(|e| measure.value_in(e, &entries))
    };
    let all: Vec<f64> = rows
        .iter()
        .flat_map(|r| params.iter().filter_map(|p| value(r, p)))
        .collect();
    let (scale, unit) = measure.common_unit(&all);
    let cell = |v: Option<f64>| {
        v.map(|v| significant(v / scale))
            .unwrap_or_else(|| "–".into())
    };
    let label = format!("{} ({unit})", measure.axis_label());
    let unmeasured = |row: &str| !entries.iter().any(|e| e.function == row);
    let code = |row: &str| format!("<code>{}</code>", escape(row));
    let param_name = |p: &str| {
        if p.is_empty() {
            label.clone()
        } else {
            escape(p)
        }
    };
    let transpose = params.len() + 1 > MAX_TABLE_COLUMNS && rows.len() < params.len();

    let mut out = String::from("<div class=\"table-wrapper\"><table class=\"course-results\">");
    let mut notes = Vec::new();
    if transpose {
        out += &format!("<thead><tr><th>{label}</th>");
        for row in &rows {
            out += &format!("<th>{}</th>", code(row));
        }
        out += "</tr></thead><tbody>";
        for p in &params {
            out += &format!("<tr><th scope=\"row\">{}</th>", param_name(p));
            for row in &rows {
                out += &format!("<td>{}</td>", cell(value(row, p)));
            }
            out += "</tr>";
        }
        for row in rows.iter().filter(|r| unmeasured(r)) {
            notes.push(format!("`{row}`: {}.", baseline_reason(results, row)));
        }
    } else {
        let corner = if params.len() == 1 && params[0].is_empty() {
            ""
        } else {
            &label
        };
        out += &format!("<thead><tr><th>{corner}</th>");
        for p in &params {
            out += &format!("<th>{}</th>", param_name(p));
        }
        out += "</tr></thead><tbody>";
        for row in &rows {
            out += &format!("<tr><th scope=\"row\">{}</th>", code(row));
            if unmeasured(row) {
                out += &format!(
                    "<td class=\"why\" colspan=\"{}\">{}</td>",
                    params.len(),
                    baseline_reason(results, row)
                );
            } else {
                for p in &params {
                    out += &format!("<td>{}</td>", cell(value(row, p)));
                }
            }
            out += "</tr>";
        }
    }
    out += "</tbody></table></div>\n";
    if !notes.is_empty() {
        out += &format!("\n*{}*\n", notes.join(" "));
    }
    out
}

/// Why a row is empty: the recorded reason for a missing baseline when the
/// row is one (`numpy-…`, `python-…`), else the generic sentence.
fn baseline_reason(results: Option<&Results>, function: &str) -> String {
    let is_python = function.starts_with("numpy") || function.starts_with("python");
    match results.and_then(|r| r.missing("python")) {
        Some(_) if is_python => "not measured (no Python/NumPy)".to_string(),
        _ => NOT_MEASURED.to_string(),
    }
}

/// `a / b` of two benchmark ids' mean times, as "12.3×".
pub fn ratio(results: Option<&Results>, a: &str, b: &str) -> String {
    match results.and_then(|r| Some((r.find(a)?, r.find(b)?))) {
        Some((a, b)) if b.mean_ns > 0.0 => format!("{}×", three_digits(a.mean_ns / b.mean_ns)),
        _ => format!("*{NOT_MEASURED}*"),
    }
}

/// The measured value of one benchmark id, formatted.
pub fn value(results: Option<&Results>, id: &str, measure: Measure) -> String {
    results
        .and_then(|r| {
            let e = r.find(id)?;
            measure.value_in(e, &r.group(&e.group).collect::<Vec<_>>())
        })
        .map(|v| measure.format(v))
        .unwrap_or_else(|| format!("*{NOT_MEASURED}*"))
}

/// One line saying where and when the numbers on the page were measured.
pub fn machine(results: Option<&Results>) -> String {
    let Some(r) = results else {
        return format!(
            "> [!NOTE]\n> The numbers on this page are {NOT_MEASURED}: \
             run `cargo xtask serve` or `cargo xtask bench` to measure them on your machine.\n"
        );
    };
    let m = &r.machine;
    let mut line = format!(
        "> [!NOTE]\n> Measured on **{}** ({} cores; {}; {}) with {}, commit `{}`, {} ({} benchmark run). \
         Parallel rows use every core.",
        m.cpu,
        m.cores,
        m.topology.describe(),
        m.os,
        m.rustc,
        m.commit,
        m.date,
        r.mode
    );
    match (&m.python, r.missing("python")) {
        (Some(python), _) => line += &format!(" Python baselines: {python}."),
        (None, Some(missing)) => {
            line += &format!(" Python baselines not measured: {}.", missing.why)
        }
        (None, None) => {}
    }
    line + "\n"
}

/// Line colours for light backgrounds, after Okabe and Ito's palette
/// (distinguishable with the common colour-vision deficiencies), darkened
/// to reach 3:1 against mdBook's light and rust themes. They are only the
/// fallback: the page colours each series `s1`…`s7` with the theme's
/// `--course-plot-N` variables (`theme/course.css`), which the browser test
/// checks in all five themes.
const COLOURS: [&str; 7] = [
    "#0072B2", "#B34700", "#007A55", "#A3427E", "#8A6200", "#6A3FA0", "#595959",
];

/// The class and fallback colour of series `index`.
fn series_style(index: usize) -> (String, &'static str) {
    let n = index % COLOURS.len();
    (format!("s{}", n + 1), COLOURS[n])
}

/// One of the two drawings of a plot; the page shows the one that fits its
/// width (`theme/course.css`), so that text is never smaller than the body
/// text: the SVG is drawn at about the size it is shown.
struct Layout {
    class: &'static str,
    width: f64,
    /// The plot area's height (the legend may add to the drawing's).
    height: f64,
    font: f64,
    /// Legend to the right of the plot area (wide) or under it (narrow).
    legend_right: bool,
}

/// A laptop's content column (mdBook's is 750 px at most) and a phone's.
const LAYOUTS: [Layout; 2] = [
    Layout {
        class: "wide",
        width: 720.0,
        height: 400.0,
        font: 16.0,
        legend_right: true,
    },
    Layout {
        class: "narrow",
        width: 340.0,
        height: 300.0,
        font: 16.0,
        legend_right: false,
    },
];

/// Roughly how wide `text` is drawn at `font` px (sans-serif averages a
/// little over half an em per character).
fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.58
}

/// Options of a plot, from the directive.
pub struct PlotSpec<'a> {
    pub group: &'a str,
    pub rows: &'a [String],
    pub measure: Measure,
    pub title: &'a str,
    pub x_label: &'a str,
    pub log_y: bool,
    /// `fit=amdahl`: also draw Amdahl's law fitted to each row, dashed, with
    /// the fitted serial fraction in the legend (meant for `measure=speedup`).
    pub fit_amdahl: bool,
    /// `marks=caches`: the x values are sizes in bytes (ticks read "4K",
    /// "1M"), and a labelled vertical line marks each cache size the
    /// machine reported.
    pub cache_marks: bool,
    /// `xunit=bytes`: the x values are sizes in bytes, ticked at powers of
    /// two as "8", "1K", "16M" (implied by `marks=caches`).
    pub bytes_x: bool,
}

/// An inline SVG line plot: x = the parameter (log scale), y = the measure,
/// one line per function, under a caption with the title. Drawn twice (a
/// wide and a narrow layout, of which the page shows one), each SVG with a
/// `<title>` and a `<desc>` for screen readers. Written without blank lines
/// so that Markdown keeps it as one HTML block; text uses `currentColor`
/// and lines the theme's colours, so that it follows the book's theme.
pub fn plot(results: Option<&Results>, spec: &PlotSpec) -> String {
    let entries: Vec<&Entry> = results
        .map(|r| r.group(spec.group).collect())
        .unwrap_or_default();
    let series: Vec<(String, Vec<(f64, f64)>)> = series(&entries, spec);
    if series.iter().all(|(_, points)| points.is_empty()) {
        return format!("*Plot of `{}`: {NOT_MEASURED}.*\n", spec.group);
    }
    let caches = results
        .map(|r| r.machine.caches.as_slice())
        .unwrap_or_default();
    let mut out = String::from("<figure class=\"course-plot\">");
    for layout in &LAYOUTS {
        out += &plot_svg(spec, &series, caches, layout);
    }
    out += &format!("<figcaption>{}</figcaption></figure>\n", escape(spec.title));
    out
}

/// What a plot shows, in words: its `<desc>`.
fn plot_description(spec: &PlotSpec, series: &[(String, Vec<(f64, f64)>)]) -> String {
    let mut text = format!(
        "Line plot of {} ({} scale) against {} (log scale), one line per variant.",
        spec.measure.axis_label(),
        if spec.log_y { "log" } else { "linear" },
        spec.x_label
    );
    for (name, points) in series {
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            continue;
        };
        let at = |(x, y): &(f64, f64)| format!("{} at {x}", spec.measure.format(*y));
        if points.len() == 1 {
            text += &format!(" {name}: {}.", at(first));
        } else {
            text += &format!(" {name}: {}, {}.", at(first), at(last));
        }
    }
    text
}

fn plot_svg(
    spec: &PlotSpec,
    series: &[(String, Vec<(f64, f64)>)],
    caches: &[crate::results::Cache],
    layout: &Layout,
) -> String {
    let font = layout.font;
    let legend_rows = series.len() + if spec.fit_amdahl { series.len() } else { 0 };
    let legend_width = series
        .iter()
        .map(|(name, _)| text_width(name, font))
        .fold(text_width("fit s = 10.0 %", font), f64::max)
        + 40.0;
    let row = font * 1.4;
    let (w, left, top) = (layout.width, font * 5.0, font * 0.8);
    let right = if layout.legend_right {
        legend_width
    } else {
        font
    };
    let bottom = font * 3.4;
    let plot_bottom = layout.height;
    let h = if layout.legend_right {
        layout.height.max(top + row * legend_rows as f64 + bottom)
    } else {
        layout.height + row * legend_rows as f64 + font * 0.6
    };
    let (legend_x, legend_y) = if layout.legend_right {
        (w - right + 14.0, top + font * 0.6)
    } else {
        (left, plot_bottom + font * 0.6)
    };
    let all: Vec<(f64, f64)> = series.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    let (x_min, x_max) = bounds(all.iter().map(|p| p.0.log2()));
    let y_transform = |v: f64| if spec.log_y { v.log10() } else { v };
    let (mut y_min, mut y_max) = bounds(all.iter().map(|p| y_transform(p.1)));
    if spec.log_y {
        (y_min, y_max) = (y_min.floor(), y_max.ceil());
    } else {
        (y_min, y_max) = (0.0, y_max * 1.1);
    }
    let axis_bottom = plot_bottom - bottom;
    let px = |x: f64| left + (x.log2() - x_min) / (x_max - x_min).max(1e-9) * (w - left - right);
    let py = |y: f64| {
        axis_bottom - (y_transform(y) - y_min) / (y_max - y_min).max(1e-9) * (axis_bottom - top)
    };

    let mut svg = format!(
        "<svg class=\"{class}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h:.0}\" \
         width=\"100%\" role=\"img\" font-family=\"sans-serif\" font-size=\"{font}\" \
         fill=\"currentColor\"><title>{title}</title><desc>{desc}</desc>\n",
        class = layout.class,
        title = escape(spec.title),
        desc = escape(&plot_description(spec, series)),
    );
    // Axes and grid.
    let x_ticks: Vec<f64> = {
        let mut t: Vec<f64> = all.iter().map(|p| p.0).collect();
        t.sort_by(f64::total_cmp);
        t.dedup();
        t
    };
    let bytes = spec.cache_marks || spec.bytes_x;
    // (position, half width) of the last label drawn.
    let mut last_label: Option<(f64, f64)> = None;
    for x in &x_ticks {
        // Byte sizes are labelled at powers of two only; any tick whose
        // label would touch the previous one goes without label and grid line.
        if bytes && !(*x as u64).is_power_of_two() {
            continue;
        }
        let label = if bytes {
            short_bytes(*x)
        } else {
            x.to_string()
        };
        let half = text_width(&label, font) / 2.0;
        if last_label.is_some_and(|(at, last_half)| px(*x) - at < last_half + half + font * 0.5) {
            continue;
        }
        last_label = Some((px(*x), half));
        svg += &format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{2}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{0:.1}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
            px(*x),
            top,
            axis_bottom,
            axis_bottom + font * 1.2,
            label
        );
    }
    for (y_value, label) in y_ticks(y_min, y_max, spec) {
        let y = py(y_value);
        svg += &format!(
            "<line x1=\"{left}\" x2=\"{0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{1}\" y=\"{2:.1}\" text-anchor=\"end\">{label}</text>\n",
            w - right,
            left - 6.0,
            y + font * 0.35
        );
    }
    svg += &format!(
        "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text>\n\
         <text transform=\"translate({5} {3}) rotate(-90)\" text-anchor=\"middle\">{4}</text>\n",
        (left + w - right) / 2.0,
        axis_bottom + font * 2.6,
        escape(spec.x_label),
        (top + axis_bottom) / 2.0,
        spec.measure.axis_label(),
        font
    );
    // One line per series, with a legend entry.
    for (index, (name, points)) in series.iter().enumerate() {
        let (class, colour) = series_style(index);
        let dash = if name.starts_with("numpy") || name.starts_with("python") {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let path: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
            .collect();
        if !path.is_empty() {
            svg += &format!(
                "<polyline class=\"series {class}\" data-name=\"{}\" fill=\"none\" stroke=\"{colour}\" \
                 stroke-width=\"2.5\"{dash} points=\"{}\"/>\n",
                escape(name),
                path.join(" ")
            );
            for (x, y) in points {
                svg += &format!(
                    "<circle class=\"point {class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{colour}\"/>",
                    px(*x),
                    py(*y)
                );
            }
            svg += "\n";
        }
        let ly = legend_y + row * index as f64;
        svg += &format!(
            "<line class=\"series {class}\" data-name=\"{}\" x1=\"{legend_x}\" x2=\"{}\" y1=\"{ly:.1}\" y2=\"{ly:.1}\" \
             stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/><text x=\"{}\" y=\"{:.1}\">{}</text>\n",
            escape(name),
            legend_x + 24.0,
            legend_x + 30.0,
            ly + font * 0.35,
            escape(name)
        );
    }
    if spec.cache_marks {
        svg += &cache_marks(caches, (x_min, x_max), &px, (top, axis_bottom), font);
    }
    if spec.fit_amdahl {
        svg += &amdahl_fit_curves(
            series,
            (x_min, x_max),
            &px,
            &py,
            (legend_x, legend_y, row),
            font,
        );
    }
    svg += "</svg>";
    svg
}

/// "4K", "512K", "1M", "1G": a tick label for a size in bytes.
fn short_bytes(bytes: f64) -> String {
    let (value, unit) = if bytes >= (1u64 << 30) as f64 {
        (bytes / (1u64 << 30) as f64, "G")
    } else if bytes >= (1 << 20) as f64 {
        (bytes / (1 << 20) as f64, "M")
    } else if bytes >= 1024.0 {
        (bytes / 1024.0, "K")
    } else {
        (bytes, "")
    };
    format!("{value}{unit}")
}

/// "32 KiB", "1 MiB", "1.25 MiB": a cache size.
pub fn format_bytes(bytes: u64) -> String {
    let (value, unit) = if bytes >= 1 << 30 {
        (bytes as f64 / (1u64 << 30) as f64, "GiB")
    } else if bytes >= 1 << 20 {
        (bytes as f64 / (1 << 20) as f64, "MiB")
    } else if bytes >= 1 << 10 {
        (bytes as f64 / 1024.0, "KiB")
    } else {
        (bytes as f64, "B")
    };
    format!("{value} {unit}")
}

/// "L1d", "L2", "L3": a cache's short name.
fn cache_name(cache: &crate::results::Cache) -> String {
    let suffix = match cache.kind.as_str() {
        "Data" => "d",
        "Instruction" => "i",
        _ => "",
    };
    format!("L{}{suffix}", cache.level)
}

/// `marks=caches`: a dashed vertical line at each cache size inside the
/// plotted x range (`log2` bounds), labelled at the top of the plot area.
fn cache_marks(
    caches: &[crate::results::Cache],
    (x_min, x_max): (f64, f64),
    px: &dyn Fn(f64) -> f64,
    (y_top, y_bottom): (f64, f64),
    font: f64,
) -> String {
    let mut svg = String::new();
    // Labels step down a line each, so that close caches never overlap.
    let mut drawn = 0;
    for cache in caches {
        let bytes = cache.bytes as f64;
        if bytes <= 0.0 || bytes.log2() < x_min || bytes.log2() > x_max {
            continue;
        }
        let x = px(bytes);
        svg += &format!(
            "<line class=\"cache-mark\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y_top}\" y2=\"{y_bottom}\" \
             stroke=\"currentColor\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{} {}</text>\n",
            x + 3.0,
            y_top + font * (1.0 + 1.2 * drawn as f64),
            cache_name(cache),
            format_bytes(cache.bytes)
        );
        drawn += 1;
    }
    svg
}

/// `{{#results caches}}`: the caches of the machine that measured, as a table.
pub fn caches(results: Option<&Results>) -> String {
    let caches = results
        .map(|r| r.machine.caches.as_slice())
        .unwrap_or_default();
    if caches.is_empty() {
        return "*Cache sizes: not reported by the machine that measured (or not measured in this build).*\n"
            .to_string();
    }
    let per_core = results
        .and_then(|r| r.machine.topology.threads_per_core)
        .unwrap_or(1);
    let mut out = String::from("| cache | type | size | of |\n| --- | --- | --: | --- |\n");
    for cache in caches {
        let of = match cache.shared_by {
            Some(n) if n <= per_core => "each core".to_string(),
            Some(n) => format!("shared by {n} CPUs"),
            None => "not reported".to_string(),
        };
        out += &format!(
            "| {} | {} | {} | {of} |\n",
            cache_name(cache),
            cache.kind.to_lowercase(),
            format_bytes(cache.bytes)
        );
    }
    out
}

/// `{{#results gpu}}`: which GPU adapter the GPU benchmarks measured, and a
/// plain warning when it is a software one.
pub fn gpu(results: Option<&Results>) -> String {
    match results.map(|r| &r.machine.gpu) {
        None => format!(
            "> [!NOTE]\n> The GPU numbers on this page are {NOT_MEASURED}: \
             run `cargo xtask serve` or `cargo xtask bench` to measure them on your machine.\n"
        ),
        Some(None) => format!(
            "> [!NOTE]\n> No GPU benchmark ran in this build (no adapter was found): \
             the GPU numbers on this page are {NOT_MEASURED}.\n"
        ),
        Some(Some(gpu)) if gpu.software => format!(
            "> [!WARNING]\n> The GPU numbers on this page come from **{}** ({}, {}), a \
             **software adapter**: the GPU's work ran on the CPU above. The results are \
             correct, but the timings say nothing about a real GPU.\n",
            gpu.name, gpu.device_type, gpu.backend
        ),
        Some(Some(gpu)) => format!(
            "> [!NOTE]\n> The GPU numbers on this page were measured on **{}** ({}, {}).\n",
            gpu.name, gpu.device_type, gpu.backend
        ),
    }
}

/// `{{#results ratio A B measure=…}}`: A's value over B's in `measure`, as
/// "1.23×". With `measure=throughput` it says how many times B's rate A
/// reaches (the plain `ratio` divides mean times, the other way round).
pub fn ratio_in(results: Option<&Results>, a: &str, b: &str, measure: Measure) -> String {
    let value = |r: &Results, id: &str| {
        let e = r.find(id)?;
        measure.value_in(e, &r.group(&e.group).collect::<Vec<_>>())
    };
    match results.and_then(|r| Some((value(r, a)?, value(r, b)?))) {
        Some((a, b)) if b > 0.0 => format!("{}×", three_digits(a / b)),
        _ => format!("*{NOT_MEASURED}*"),
    }
}

/// `fit=amdahl`: for each series with a point beyond x = 1, Amdahl's law
/// with the fitted serial fraction (see `crate::fit`), drawn dashed in the
/// series' colour over the plotted x range, with a legend entry "fit s = …"
/// below the series' entries (which start at `legend` = (x, y)).
fn amdahl_fit_curves(
    series: &[(String, Vec<(f64, f64)>)],
    (x_min, x_max): (f64, f64),
    px: &dyn Fn(f64) -> f64,
    py: &dyn Fn(f64) -> f64,
    (legend_x, legend_y, row): (f64, f64, f64),
    font: f64,
) -> String {
    let mut svg = String::new();
    let mut entries = 0;
    for (index, (_, points)) in series.iter().enumerate() {
        let Some(s) = crate::fit::serial_fraction(points) else {
            continue;
        };
        let (class, colour) = series_style(index);
        // 32 steps, evenly spaced on the log2 x axis.
        let path: Vec<String> = (0..=32)
            .map(|i| {
                let p = (x_min + (x_max - x_min) * f64::from(i) / 32.0).exp2();
                format!("{:.1},{:.1}", px(p), py(crate::fit::amdahl(s, p)))
            })
            .collect();
        svg += &format!(
            "<polyline class=\"series {class}\" data-name=\"fit\" fill=\"none\" stroke=\"{colour}\" \
             stroke-width=\"2\" stroke-dasharray=\"5 4\" points=\"{}\"/>\n",
            path.join(" ")
        );
        let ly = legend_y + row * (series.len() + entries) as f64;
        svg += &format!(
            "<line class=\"series {class}\" data-name=\"fit\" x1=\"{legend_x}\" x2=\"{}\" y1=\"{ly:.1}\" y2=\"{ly:.1}\" \
             stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>\
             <text x=\"{}\" y=\"{:.1}\">fit s = {}</text>\n",
            legend_x + 24.0,
            legend_x + 30.0,
            ly + font * 0.35,
            percent(s)
        );
        entries += 1;
    }
    svg
}

/// A fraction as a percentage with three significant digits: "1.23 %".
fn percent(fraction: f64) -> String {
    format!("{} %", three_digits(100.0 * fraction))
}

/// `{{#results serial-fraction GROUP FUNCTION}}`: the serial fraction of
/// Amdahl's law fitted to the row's speedups over parameter 1, as "1.23 %".
pub fn serial_fraction(results: Option<&Results>, group: &str, function: &str) -> String {
    let fitted = results.and_then(|r| {
        let entries: Vec<&Entry> = r.group(group).collect();
        let points: Vec<(f64, f64)> = entries
            .iter()
            .filter(|e| e.function == function)
            .filter_map(|e| {
                Some((
                    e.parameter.parse::<f64>().ok()?,
                    Measure::Speedup.value_in(e, &entries)?,
                ))
            })
            .collect();
        crate::fit::serial_fraction(&points)
    });
    fitted
        .map(percent)
        .unwrap_or_else(|| format!("*{NOT_MEASURED}*"))
}

fn series(entries: &[&Entry], spec: &PlotSpec) -> Vec<(String, Vec<(f64, f64)>)> {
    let mut names: Vec<String> = spec.rows.to_vec();
    if names.is_empty() {
        for e in entries {
            if !names.contains(&e.function) {
                names.push(e.function.clone());
            }
        }
    }
    names
        .into_iter()
        .map(|name| {
            let mut points: Vec<(f64, f64)> = entries
                .iter()
                .filter(|e| e.function == name)
                .filter_map(|e| {
                    Some((
                        e.parameter.parse::<f64>().ok()?,
                        spec.measure.value_in(e, entries)?,
                    ))
                })
                .filter(|(x, y)| *x > 0.0 && *y > 0.0)
                .collect();
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            (name, points)
        })
        .collect()
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo == hi {
        (lo - 0.5, hi + 0.5)
    } else {
        (lo, hi)
    }
}

/// Tick positions (in data units) and labels for the y axis.
fn y_ticks(y_min: f64, y_max: f64, spec: &PlotSpec) -> Vec<(f64, String)> {
    if spec.log_y {
        (y_min as i32..=y_max as i32)
            .map(|e| {
                let v = 10f64.powi(e);
                (v, without_trailing_zeros(&spec.measure.format(v)))
            })
            .collect()
    } else {
        let step = nice_step((y_max - y_min) / 5.0);
        (0..=((y_max - y_min) / step) as usize)
            .map(|k| {
                let v = y_min + step * k as f64;
                (v, spec.measure.format(v))
            })
            .collect()
    }
}

/// "10.0 ns" -> "10 ns", "0.10 ns" -> "0.1 ns": tick labels on a log axis.
fn without_trailing_zeros(label: &str) -> String {
    let (number, unit) = label.split_once(' ').unwrap_or((label, ""));
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    };
    format!("{number} {unit}").trim_end().to_string()
}

fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let scaled = raw / magnitude;
    let nice = if scaled <= 1.0 {
        1.0
    } else if scaled <= 2.0 {
        2.0
    } else if scaled <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::Machine;

    fn entry(function: &str, parameter: &str, mean_ns: f64) -> Entry {
        Entry {
            group: "g".into(),
            function: function.into(),
            parameter: parameter.into(),
            mean_ns,
            elements: Some(100),
            bytes: None,
        }
    }

    fn sample() -> Results {
        Results {
            machine: Machine {
                cpu: "Test CPU".into(),
                cores: 2,
                rustc: "rustc 1.95.0".into(),
                commit: "abc1234".into(),
                date: "2026-11-21".into(),
                os: "linux x86_64".into(),
                python: None,
                caches: vec![],
                gpu: None,
                topology: Default::default(),
            },
            mode: "quick".into(),
            not_measured: vec![crate::results::Missing {
                what: "python".into(),
                why: "no numpy".into(),
            }],
            entries: vec![
                entry("fast", "64", 50.0),
                entry("slow", "64", 600.0),
                entry("fast", "8", 7.0),
            ],
            fingerprint: None,
        }
    }

    #[test]
    fn flops_are_elements_per_second() {
        let mut r = sample();
        r.entries.push(Entry {
            elements: Some(2_000_000),
            ..entry("flop", "", 1000.0)
        });
        assert_eq!(value(Some(&r), "g/flop", Measure::Flops), "2.00 TFLOP/s");
        assert_eq!(format_flops(12.3e9), "12.3 GFLOP/s");
        assert_eq!(format_flops(450e6), "450 MFLOP/s");
        assert_eq!(Measure::parse("flops"), Ok(Measure::Flops));
    }

    #[test]
    fn the_gpu_directive_names_the_adapter_and_flags_a_software_one() {
        let mut r = sample();
        assert!(gpu(None).contains(NOT_MEASURED));
        assert!(gpu(Some(&r)).contains("No GPU benchmark ran"));
        r.machine.gpu = Some(crate::results::GpuAdapter {
            name: "llvmpipe (LLVM 15.0.6, 256 bits)".into(),
            device_type: "Cpu".into(),
            backend: "Vulkan".into(),
            software: true,
        });
        let software = gpu(Some(&r));
        assert!(software.starts_with("> [!WARNING]"), "{software}");
        assert!(software.contains("**llvmpipe (LLVM 15.0.6, 256 bits)** (Cpu, Vulkan)"));
        assert!(software.contains("**software adapter**"));
        r.machine.gpu = Some(crate::results::GpuAdapter {
            name: "NVIDIA H100".into(),
            device_type: "DiscreteGpu".into(),
            backend: "Vulkan".into(),
            software: false,
        });
        let hardware = gpu(Some(&r));
        assert!(hardware.starts_with("> [!NOTE]"));
        assert!(hardware.contains("**NVIDIA H100** (DiscreteGpu, Vulkan)"));
        assert!(!hardware.contains("software"));
    }

    #[test]
    fn times_are_formatted_with_units() {
        assert_eq!(format_time(0.523), "0.52 ns");
        assert_eq!(format_time(1234.0), "1.23 µs");
        assert_eq!(format_time(12_345_678.0), "12.3 ms");
        assert_eq!(format_rate(12.5e9), "12.5 GB/s");
        assert_eq!(without_trailing_zeros("10.0 ns"), "10 ns");
        assert_eq!(without_trailing_zeros("0.10 ns"), "0.1 ns");
        assert_eq!(without_trailing_zeros("100 ns"), "100 ns");
    }

    #[test]
    fn table_has_a_row_per_function_and_a_column_per_parameter() {
        let r = sample();
        let rows = [
            "fast".to_string(),
            "slow".to_string(),
            "numpy-x".to_string(),
        ];
        let t = table(Some(&r), "g", &rows, Measure::TimePerElement);
        // One unit (ns, the largest in which 0.07 ns is still >= 1... none
        // is, so the smallest), in the corner; bare numbers in the cells.
        assert_eq!(
            t,
            "<div class=\"table-wrapper\"><table class=\"course-results\">\
             <thead><tr><th>time per element (ns)</th><th>8</th><th>64</th></tr></thead><tbody>\
             <tr><th scope=\"row\"><code>fast</code></th><td>0.0700</td><td>0.500</td></tr>\
             <tr><th scope=\"row\"><code>slow</code></th><td>–</td><td>6.00</td></tr>\
             <tr><th scope=\"row\"><code>numpy-x</code></th>\
             <td class=\"why\" colspan=\"2\">not measured (no Python/NumPy)</td></tr>\
             </tbody></table></div>\n"
        );
        assert!(!t.contains("\n\n"), "one HTML block");
    }

    #[test]
    fn cells_have_three_significant_digits_and_the_table_one_unit() {
        for (value, shown) in [
            (0.07, "0.0700"),
            (0.5, "0.500"),
            (1.234, "1.23"),
            (12.345, "12.3"),
            (123.45, "123"),
            (61_234.0, "61200"),
        ] {
            assert_eq!(significant(value), shown);
        }
        // 1.5 µs and 60 µs: microseconds, not "1500" nanoseconds.
        assert_eq!(Measure::Time.common_unit(&[1500.0, 60_000.0]), (1e3, "µs"));
        assert_eq!(Measure::Throughput.common_unit(&[2e8, 9e9]), (1e6, "MB/s"));
        assert_eq!(Measure::Speedup.common_unit(&[0.9, 3.0]), (1.0, "×"));
    }

    #[test]
    fn a_table_wider_than_six_columns_is_transposed() {
        let mut r = sample();
        r.entries = ["1", "2", "4", "8", "16", "32", "64"]
            .iter()
            .flat_map(|p| [entry("a", p, 100.0), entry("b", p, 200.0)])
            .collect();
        let rows = ["a".to_string(), "b".to_string(), "numpy-b".to_string()];
        let t = table(Some(&r), "g", &rows, Measure::Time);
        // Seven parameters, three functions: the functions become columns.
        assert!(t.contains("<thead><tr><th>time per iteration (ns)</th><th><code>a</code></th>"));
        assert_eq!(t.matches("<tr><th scope=\"row\">").count(), 7);
        assert!(t.contains("<tr><th scope=\"row\">64</th><td>100</td><td>200</td><td>–</td></tr>"));
        assert!(t.ends_with("*`numpy-b`: not measured (no Python/NumPy).*\n"));
    }

    #[test]
    fn missing_results_say_not_measured() {
        assert!(table(None, "g", &[], Measure::Time).contains(NOT_MEASURED));
        assert!(ratio(None, "g/a/1", "g/b/1").contains(NOT_MEASURED));
        assert!(machine(None).contains(NOT_MEASURED));
        let spec = PlotSpec {
            group: "g",
            rows: &[],
            measure: Measure::Time,
            title: "t",
            x_label: "n",
            log_y: true,
            fit_amdahl: false,
            cache_marks: false,
            bytes_x: false,
        };
        assert!(plot(None, &spec).contains(NOT_MEASURED));
    }

    #[test]
    fn ratio_divides_mean_times() {
        assert_eq!(ratio(Some(&sample()), "g/slow/64", "g/fast/64"), "12.0×");
    }

    /// Strong scaling that follows Amdahl's law exactly: row `a` with serial
    /// fraction 10 %, row `b` with 25 %, and row `c` without a 1-thread run.
    fn scaling() -> Results {
        let mut r = sample();
        r.entries.clear();
        for (row, s) in [("a", 0.1), ("b", 0.25)] {
            for p in [1.0, 2.0, 4.0] {
                let mean_ns = 1000.0 / crate::fit::amdahl(s, p);
                r.entries.push(entry(row, &p.to_string(), mean_ns));
            }
        }
        r.entries.push(entry("c", "2", 500.0));
        r
    }

    #[test]
    fn speedup_divides_the_rows_time_at_1_by_its_time_at_p() {
        let r = scaling();
        let rows = ["a".to_string(), "c".to_string()];
        assert_eq!(
            table(Some(&r), "g", &rows, Measure::Speedup),
            "<div class=\"table-wrapper\"><table class=\"course-results\">\
             <thead><tr><th>speedup over x = 1 (×)</th><th>1</th><th>2</th><th>4</th></tr></thead><tbody>\
             <tr><th scope=\"row\"><code>a</code></th><td>1.00</td><td>1.82</td><td>3.08</td></tr>\
             <tr><th scope=\"row\"><code>c</code></th><td>–</td><td>–</td><td>–</td></tr>\
             </tbody></table></div>\n"
        );
        assert_eq!(value(Some(&r), "g/b/2", Measure::Speedup), "1.60×");
        assert!(value(Some(&r), "g/c/2", Measure::Speedup).contains(NOT_MEASURED));
        assert_eq!(Measure::parse("speedup"), Ok(Measure::Speedup));
    }

    #[test]
    fn the_serial_fraction_is_fitted_per_row() {
        let r = scaling();
        assert_eq!(serial_fraction(Some(&r), "g", "a"), "10.0 %");
        assert_eq!(serial_fraction(Some(&r), "g", "b"), "25.0 %");
        assert!(serial_fraction(Some(&r), "g", "c").contains(NOT_MEASURED));
        assert!(serial_fraction(None, "g", "a").contains(NOT_MEASURED));
    }

    #[test]
    fn an_amdahl_fit_adds_a_dashed_curve_and_legend_entry_per_row() {
        let rows = ["a".to_string(), "b".to_string(), "c".to_string()];
        let mut spec = PlotSpec {
            group: "g",
            rows: &rows,
            measure: Measure::Speedup,
            title: "t",
            x_label: "threads",
            log_y: false,
            fit_amdahl: true,
            cache_marks: false,
            bytes_x: false,
        };
        let svg = plot(Some(&scaling()), &spec);
        assert!(
            !svg.contains("\n\n"),
            "a blank line would end the HTML block"
        );
        // In each drawing: two measured lines (c has no speedups) and two
        // fitted curves, each with a dashed legend entry.
        for drawing in drawings(&svg) {
            assert_eq!(drawing.matches("<polyline").count(), 4);
            assert_eq!(drawing.matches("stroke-dasharray=\"5 4\"").count(), 4);
        }
        assert!(svg.contains(">fit s = 10.0 %</text>"));
        assert!(svg.contains(">fit s = 25.0 %</text>"));
        assert!(svg.contains("speedup over x = 1"));
        spec.fit_amdahl = false;
        let plain = plot(Some(&scaling()), &spec);
        assert_eq!(drawings(&plain)[0].matches("<polyline").count(), 2);
        assert!(!plain.contains("fit s ="));
    }

    #[test]
    fn plot_is_one_html_block_with_a_line_per_series() {
        let spec = PlotSpec {
            group: "g",
            rows: &[],
            measure: Measure::Time,
            title: "t",
            x_label: "n",
            log_y: true,
            fit_amdahl: false,
            cache_marks: false,
            bytes_x: false,
        };
        let svg = plot(Some(&sample()), &spec);
        assert!(svg.starts_with("<figure") && svg.trim_end().ends_with("</figure>"));
        assert!(
            !svg.contains("\n\n"),
            "a blank line would end the HTML block"
        );
        // A wide and a narrow drawing, each with a line per series, a
        // title and a description that gives each line's ends in words.
        let drawings = drawings(&svg);
        assert_eq!(drawings.len(), 2);
        assert!(
            drawings[0].starts_with("<svg class=\"wide\"")
                && drawings[1].starts_with("<svg class=\"narrow\"")
        );
        for drawing in drawings {
            assert_eq!(drawing.matches("<polyline").count(), 2);
            assert!(drawing.contains("<title>t</title>"));
            assert!(drawing.contains(
                "<desc>Line plot of time per iteration (log scale) against n (log scale), one line per variant. \
                 fast: 7.00 ns at 8, 50.0 ns at 64. slow: 600 ns at 64.</desc>"
            ), "{drawing}");
            assert!(drawing.contains("class=\"series s1\" data-name=\"fast\""));
            assert!(!drawing.contains("font-size=\"1") || drawing.contains("font-size=\"16\""));
        }
        assert!(svg.ends_with("<figcaption>t</figcaption></figure>\n"));
    }
}

/// The SVG drawings of a plot's figure, each from `<svg` to `</svg>`.
#[cfg(test)]
fn drawings(figure: &str) -> Vec<&str> {
    figure
        .match_indices("<svg")
        .map(|(start, _)| {
            let end = figure[start..].find("</svg>").expect("closed") + start + 6;
            &figure[start..end]
        })
        .collect()
}

#[cfg(test)]
mod cache_and_throughput_tests {
    use super::*;
    use crate::results::{Cache, Machine};

    /// A latency staircase over 4 KiB .. 64 MiB (powers of two and the
    /// points halfway), a triad and a sum, on a machine with three caches.
    fn staircase() -> Results {
        let mut entries = Vec::new();
        let mut bytes = 4096u64;
        while bytes <= 64 << 20 {
            for size in [bytes, bytes + bytes / 2] {
                entries.push(Entry {
                    group: "s/latency".into(),
                    function: "chase".into(),
                    parameter: size.to_string(),
                    mean_ns: 1000.0,
                    elements: Some(100),
                    bytes: None,
                });
            }
            bytes *= 2;
        }
        // 2.4 GB in 0.2 s: 12 GB/s; 0.8 GB in 0.05 s: 16 GB/s.
        for (function, bytes, mean_ns) in [("triad", 2_400_000_000, 2e8), ("sum", 800_000_000, 5e7)]
        {
            entries.push(Entry {
                group: "s/bw".into(),
                function: function.into(),
                parameter: String::new(),
                mean_ns,
                elements: None,
                bytes: Some(bytes),
            });
        }
        let cache = |level, kind: &str, bytes| Cache {
            level,
            kind: kind.into(),
            bytes,
            shared_by: None,
        };
        Results {
            machine: Machine {
                cpu: "Test CPU".into(),
                cores: 2,
                rustc: "rustc 1.95.0".into(),
                commit: "abc1234".into(),
                date: "2026-11-21".into(),
                os: "linux x86_64".into(),
                python: None,
                caches: vec![
                    cache(1, "Data", 32 << 10),
                    cache(2, "Unified", 1 << 20),
                    cache(3, "Unified", 256 << 20),
                ],
                gpu: None,
                topology: Default::default(),
            },
            mode: "quick".into(),
            not_measured: vec![],
            entries,
            fingerprint: None,
        }
    }

    fn spec(cache_marks: bool) -> PlotSpec<'static> {
        PlotSpec {
            group: "s/latency",
            rows: &[],
            measure: Measure::TimePerElement,
            title: "t",
            x_label: "working set",
            log_y: true,
            fit_amdahl: false,
            cache_marks,
            bytes_x: false,
        }
    }

    #[test]
    fn sizes_are_formatted_for_ticks_and_cache_labels() {
        assert_eq!(short_bytes(4096.0), "4K");
        assert_eq!(short_bytes(524_288.0), "512K");
        assert_eq!(short_bytes((1u64 << 30) as f64), "1G");
        assert_eq!(format_bytes(32 << 10), "32 KiB");
        assert_eq!(format_bytes(1280 << 10), "1.25 MiB");
        assert_eq!(format_bytes(1 << 20), "1 MiB");
    }

    #[test]
    fn cache_marks_draw_a_labelled_line_at_each_cache_inside_the_x_range() {
        let svg = plot(Some(&staircase()), &spec(true));
        assert!(
            !svg.contains("\n\n"),
            "a blank line would end the HTML block"
        );
        // L1d and L2 lie inside 4 KiB .. 96 MiB; the 256 MiB L3 does not.
        assert_eq!(drawings(&svg)[0].matches("class=\"cache-mark\"").count(), 2);
        assert!(svg.contains(">L1d 32 KiB</text>"));
        assert!(svg.contains(">L2 1 MiB</text>"));
        assert!(!svg.contains("L3"));
        // Byte ticks at powers of two only.
        assert!(svg.contains(">4K</text>") && svg.contains(">1M</text>"));
        assert!(!svg.contains(">6K</text>") && !svg.contains(">6144</text>"));
        let plain = plot(Some(&staircase()), &spec(false));
        assert_eq!(plain.matches("class=\"cache-mark\"").count(), 0);
    }

    #[test]
    fn tick_labels_never_crowd_each_other() {
        let svg = plot(Some(&staircase()), &spec(true));
        for drawing in drawings(&svg) {
            // (centre, label) of each x tick label.
            let ticks: Vec<(f64, String)> = drawing
                .lines()
                .filter(|l| l.contains("text-anchor=\"middle\">") && l.contains("<line x1="))
                .filter_map(|l| {
                    let start = l.find("<text x=\"")? + 9;
                    let x = l[start..].split('"').next()?.parse().ok()?;
                    let label = l.split("middle\">").nth(1)?.split('<').next()?;
                    Some((x, label.to_string()))
                })
                .collect();
            assert!(ticks.len() >= 3, "{ticks:?}");
            // Neighbours' estimated extents (16 px text) never touch.
            assert!(
                ticks.windows(2).all(|w| w[1].0 - w[0].0
                    >= (text_width(&w[0].1, 16.0) + text_width(&w[1].1, 16.0)) / 2.0),
                "{ticks:?}"
            );
        }
    }

    #[test]
    fn the_caches_directive_lists_the_reported_caches() {
        assert_eq!(
            caches(Some(&staircase())),
            "| cache | type | size | of |\n| --- | --- | --: | --- |\n\
             | L1d | data | 32 KiB | not reported |\n| L2 | unified | 1 MiB | not reported |\n\
             | L3 | unified | 256 MiB | not reported |\n"
        );
        let mut shared = staircase();
        shared.machine.topology.threads_per_core = Some(2);
        shared.machine.caches[0].shared_by = Some(2);
        shared.machine.caches[2].shared_by = Some(64);
        let table = caches(Some(&shared));
        assert!(
            table.contains("| L1d | data | 32 KiB | each core |"),
            "{table}"
        );
        assert!(
            table.contains("| L3 | unified | 256 MiB | shared by 64 CPUs |"),
            "{table}"
        );
        assert!(caches(None).contains("not reported"));
    }

    #[test]
    fn a_throughput_ratio_divides_rates_not_times() {
        let r = staircase();
        assert_eq!(
            ratio_in(Some(&r), "s/bw/sum", "s/bw/triad", Measure::Throughput),
            "1.33×"
        );
        assert_eq!(
            ratio_in(Some(&r), "s/bw/sum", "s/bw/triad", Measure::Time),
            "0.25×"
        );
        assert_eq!(ratio(Some(&r), "s/bw/sum", "s/bw/triad"), "0.25×");
        assert!(
            ratio_in(Some(&r), "s/bw/sum", "s/bw/none", Measure::Throughput).contains(NOT_MEASURED)
        );
    }
}
