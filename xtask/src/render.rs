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

/// A markdown table: one row per function (the `rows` given, in that order),
/// one column per parameter. A row with no measurement says why.
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
    let mut out = String::from("| |");
    for p in &params {
        out += &format!(
            " {} |",
            if p.is_empty() {
                measure.axis_label()
            } else {
                p
            }
        );
    }
    out += "\n| --- |";
    out += &" --: |".repeat(params.len());
    out += "\n";
    for row in &rows {
        out += &format!("| `{row}` |");
        let measured: Vec<&&Entry> = entries.iter().filter(|e| &e.function == row).collect();
        if measured.is_empty() {
            let why = baseline_reason(results, row);
            out += &format!(" {why} |").repeat(params.len());
        } else {
            for p in &params {
                let cell = measured
                    .iter()
                    .find(|e| &e.parameter == p)
                    .and_then(|e| measure.value_in(e, &entries))
                    .map(|v| measure.format(v))
                    .unwrap_or_else(|| "–".to_string());
                out += &format!(" {cell} |");
            }
        }
        out += "\n";
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

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const COLOURS: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999",
];

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
/// one line per function. Written without blank lines so that Markdown keeps
/// it as one HTML block, and coloured with `currentColor` so it follows the
/// book's theme.
pub fn plot(results: Option<&Results>, spec: &PlotSpec) -> String {
    let entries: Vec<&Entry> = results
        .map(|r| r.group(spec.group).collect())
        .unwrap_or_default();
    let series: Vec<(String, Vec<(f64, f64)>)> = series(&entries, spec);
    if series.iter().all(|(_, points)| points.is_empty()) {
        return format!("*Plot of `{}`: {NOT_MEASURED}.*\n", spec.group);
    }
    let (w, h) = (640.0, 380.0);
    let (left, right, top, bottom) = (72.0, 170.0, 34.0, 52.0);
    let all: Vec<(f64, f64)> = series.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    let (x_min, x_max) = bounds(all.iter().map(|p| p.0.log2()));
    let y_transform = |v: f64| if spec.log_y { v.log10() } else { v };
    let (mut y_min, mut y_max) = bounds(all.iter().map(|p| y_transform(p.1)));
    if spec.log_y {
        (y_min, y_max) = (y_min.floor(), y_max.ceil());
    } else {
        (y_min, y_max) = (0.0, y_max * 1.1);
    }
    let px = |x: f64| left + (x.log2() - x_min) / (x_max - x_min).max(1e-9) * (w - left - right);
    let py = |y: f64| {
        h - bottom - (y_transform(y) - y_min) / (y_max - y_min).max(1e-9) * (h - top - bottom)
    };

    let mut svg = format!(
        "<figure class=\"course-plot\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" \
         width=\"100%\" role=\"img\" aria-label=\"{title}\" font-family=\"sans-serif\" font-size=\"13\" \
         fill=\"currentColor\" style=\"max-width:{w}px\">\n<text x=\"{cx}\" y=\"20\" text-anchor=\"middle\" \
         font-weight=\"bold\">{title}</text>\n",
        title = escape(spec.title),
        cx = (left + w - right) / 2.0
    );
    // Axes and grid.
    let x_ticks: Vec<f64> = {
        let params: Vec<f64> = all.iter().map(|p| p.0).collect();
        let mut t: Vec<f64> = params.clone();
        t.sort_by(f64::total_cmp);
        t.dedup();
        t
    };
    let mut last_label: Option<f64> = None;
    for x in &x_ticks {
        // Byte sizes are labelled at powers of two only; any tick that would
        // crowd the previous label goes without label and grid line.
        let crowded = last_label.is_some_and(|last| px(*x) - last < 40.0);
        let bytes = spec.cache_marks || spec.bytes_x;
        if crowded || (bytes && !(*x as u64).is_power_of_two()) {
            continue;
        }
        last_label = Some(px(*x));
        let label = if bytes {
            short_bytes(*x)
        } else {
            x.to_string()
        };
        svg += &format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{2}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{0:.1}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
            px(*x),
            top,
            h - bottom,
            h - bottom + 18.0,
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
            y + 4.0
        );
    }
    svg += &format!(
        "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text>\n\
         <text transform=\"translate(16 {3}) rotate(-90)\" text-anchor=\"middle\">{4}</text>\n",
        (left + w - right) / 2.0,
        h - 12.0,
        escape(spec.x_label),
        (top + h - bottom) / 2.0,
        spec.measure.axis_label()
    );
    // One line per series, with a legend entry.
    for (index, (name, points)) in series.iter().enumerate() {
        let colour = COLOURS[index % COLOURS.len()];
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
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.2\"{dash} points=\"{}\"/>\n",
                path.join(" ")
            );
            for (x, y) in points {
                svg += &format!(
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"/>",
                    px(*x),
                    py(*y)
                );
            }
            svg += "\n";
        }
        let ly = top + 10.0 + 22.0 * index as f64;
        let lx = w - right + 14.0;
        svg += &format!(
            "<line x1=\"{lx}\" x2=\"{}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"2.2\"{dash}/>\
             <text x=\"{}\" y=\"{}\">{}</text>\n",
            lx + 22.0,
            lx + 28.0,
            ly + 4.0,
            escape(name)
        );
    }
    if spec.cache_marks {
        let caches = results
            .map(|r| r.machine.caches.as_slice())
            .unwrap_or_default();
        svg += &cache_marks(caches, (x_min, x_max), &px, (top, h - bottom));
    }
    if spec.fit_amdahl {
        svg += &amdahl_fit_curves(&series, (x_min, x_max), &px, &py, (w - right + 14.0, top));
    }
    svg += "</svg></figure>\n";
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
) -> String {
    let mut svg = String::new();
    for cache in caches {
        let bytes = cache.bytes as f64;
        if bytes <= 0.0 || bytes.log2() < x_min || bytes.log2() > x_max {
            continue;
        }
        let x = px(bytes);
        svg += &format!(
            "<line class=\"cache-mark\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y_top}\" y2=\"{y_bottom}\" \
             stroke=\"currentColor\" stroke-opacity=\"0.6\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>\
             <text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{} {}</text>\n",
            x + 3.0,
            y_top + 12.0,
            cache_name(cache),
            format_bytes(cache.bytes)
        );
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
    legend: (f64, f64),
) -> String {
    let mut svg = String::new();
    let mut entries = 0;
    for (index, (_, points)) in series.iter().enumerate() {
        let Some(s) = crate::fit::serial_fraction(points) else {
            continue;
        };
        let colour = COLOURS[index % COLOURS.len()];
        // 32 steps, evenly spaced on the log2 x axis.
        let path: Vec<String> = (0..=32)
            .map(|i| {
                let p = (x_min + (x_max - x_min) * f64::from(i) / 32.0).exp2();
                format!("{:.1},{:.1}", px(p), py(crate::fit::amdahl(s, p)))
            })
            .collect();
        svg += &format!(
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\" points=\"{}\"/>\n",
            path.join(" ")
        );
        let (lx, ly) = (
            legend.0,
            legend.1 + 10.0 + 22.0 * (series.len() + entries) as f64,
        );
        svg += &format!(
            "<line x1=\"{lx}\" x2=\"{}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\"/>\
             <text x=\"{}\" y=\"{}\">fit s = {}</text>\n",
            lx + 22.0,
            lx + 28.0,
            ly + 4.0,
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
        assert_eq!(
            t,
            "| | 8 | 64 |\n| --- | --: | --: |\n\
             | `fast` | 0.07 ns | 0.50 ns |\n\
             | `slow` | – | 6.00 ns |\n\
             | `numpy-x` | not measured (no Python/NumPy) | not measured (no Python/NumPy) |\n"
        );
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
            "| | 1 | 2 | 4 |\n| --- | --: | --: | --: |\n\
             | `a` | 1.00× | 1.82× | 3.08× |\n\
             | `c` | – | – | – |\n"
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
        // Two measured lines (c has no speedups) and two fitted curves.
        assert_eq!(svg.matches("<polyline").count(), 4);
        assert_eq!(svg.matches("stroke-dasharray=\"5 4\"").count(), 4);
        assert!(svg.contains(">fit s = 10.0 %</text>"));
        assert!(svg.contains(">fit s = 25.0 %</text>"));
        assert!(svg.contains("speedup over x = 1"));
        spec.fit_amdahl = false;
        let plain = plot(Some(&scaling()), &spec);
        assert_eq!(plain.matches("<polyline").count(), 2);
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
        assert_eq!(svg.matches("<polyline").count(), 2);
    }
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
        assert_eq!(svg.matches("class=\"cache-mark\"").count(), 2);
        assert!(svg.contains(">L1d 32 KiB</text>"));
        assert!(svg.contains(">L2 1 MiB</text>"));
        assert!(!svg.contains("L3"));
        // Byte ticks at powers of two, never two labels closer than 40 px.
        assert!(svg.contains(">4K</text>") && svg.contains(">1M</text>"));
        assert!(!svg.contains(">6K</text>") && !svg.contains(">6144</text>"));
        let plain = plot(Some(&staircase()), &spec(false));
        assert_eq!(plain.matches("class=\"cache-mark\"").count(), 0);
    }

    #[test]
    fn tick_labels_never_crowd_each_other() {
        let svg = plot(Some(&staircase()), &spec(true));
        let xs: Vec<f64> = svg
            .lines()
            .filter(|l| l.contains("text-anchor=\"middle\">") && l.contains("<line x1="))
            .filter_map(|l| {
                let start = l.find("<text x=\"")? + 9;
                l[start..].split('"').next()?.parse().ok()
            })
            .collect();
        assert!(xs.len() >= 5, "{xs:?}");
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 40.0), "{xs:?}");
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
