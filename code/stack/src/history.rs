//! How the speed of a computer's parts evolved: a small table of published
//! figures (`data/speeds.csv`, sources in the file) and the plot the page
//! shows, drawn from it as SVG. `tests/history.rs` checks that the page and
//! its figure match the data.

/// One row of the table: one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    pub year: u32,
    pub processor: String,
    pub cpu_cycle_ns: f64,
    pub sram_access_ns: f64,
    pub dram_access_ns: f64,
    pub disk_access_ms: f64,
}

/// The data file, compiled into the program.
pub const DATA: &str = include_str!("../data/speeds.csv");

/// Parses the CSV (lines starting with `#` are comments; the first other
/// line is the header).
pub fn parse(text: &str) -> Result<Vec<Year>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    lines.next().ok_or("the table has no header")?;
    lines
        .map(|(number, line)| {
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            let [year, processor, cycle, sram, dram, disk] = fields[..] else {
                return Err(format!("line {}: expected 6 fields", number + 1));
            };
            let number_at = |text: &str| {
                text.parse::<f64>()
                    .map_err(|_| format!("line {}: {text:?} is not a number", number + 1))
            };
            Ok(Year {
                year: year
                    .parse()
                    .map_err(|_| format!("line {}: bad year {year:?}", number + 1))?,
                processor: processor.to_string(),
                cpu_cycle_ns: number_at(cycle)?,
                sram_access_ns: number_at(sram)?,
                dram_access_ns: number_at(dram)?,
                disk_access_ms: number_at(disk)?,
            })
        })
        .collect()
}

/// The table as Markdown, as the page shows it.
pub fn markdown_table(years: &[Year]) -> String {
    let mut out = String::from(
        "| year | processor | CPU cycle | SRAM access | DRAM access | disk access |\n\
         | --: | --- | --: | --: | --: | --: |\n",
    );
    for y in years {
        out += &format!(
            "| {} | {} | {} ns | {} ns | {} ns | {} ms |\n",
            y.year,
            y.processor,
            y.cpu_cycle_ns,
            y.sram_access_ns,
            y.dram_access_ns,
            y.disk_access_ms
        );
    }
    out
}

/// The four series of the plot, in nanoseconds.
fn series(years: &[Year]) -> [(&'static str, Vec<(f64, f64)>); 4] {
    let points = |f: fn(&Year) -> f64| years.iter().map(|y| (y.year as f64, f(y))).collect();
    [
        ("disk access", points(|y| y.disk_access_ms * 1e6)),
        ("DRAM access", points(|y| y.dram_access_ns)),
        ("SRAM access", points(|y| y.sram_access_ns)),
        ("CPU cycle", points(|y| y.cpu_cycle_ns)),
    ]
}

/// One drawing of the plot: the course's theme (`theme/course.css`) shows
/// the wide one on a laptop and the narrow one on a phone, so that its
/// text is never smaller than the page's (16 px, drawn at about 1:1).
struct Layout {
    class: &'static str,
    width: f64,
    /// The plot area's height; a legend under it adds to the drawing's.
    height: f64,
    legend_right: bool,
}

const LAYOUTS: [Layout; 2] = [
    Layout {
        class: "wide",
        width: 720.0,
        height: 400.0,
        legend_right: true,
    },
    Layout {
        class: "narrow",
        width: 340.0,
        height: 300.0,
        legend_right: false,
    },
];

const FONT: f64 = 16.0;
const TITLE: &str = "The growing gap: CPU cycle vs memory access time";

/// A log-scale line plot of the table as one inline HTML block (no blank
/// lines, so Markdown keeps it whole): a wide and a narrow drawing, each
/// with a `<title>` and a `<desc>` for screen readers, and a caption. Text
/// is `currentColor` and each line's colour comes from the book theme's
/// `--course-plot-N` (classes `s1`…`s4`), so it follows the reader's theme.
pub fn svg(years: &[Year]) -> String {
    let mut out = String::from("<figure class=\"course-plot\">");
    for layout in &LAYOUTS {
        out += &drawing(years, layout);
    }
    out += &format!("<figcaption>{TITLE}</figcaption></figure>\n");
    out
}

/// What the plot shows, in words.
fn description(years: &[Year]) -> String {
    let mut text = String::from(
        "Line plot of access times (log scale) by year, one line per part of the computer.",
    );
    for (name, points) in series(years) {
        if let (Some(first), Some(last)) = (points.first(), points.last()) {
            // Disk times read better in milliseconds.
            let time = |ns: f64| {
                if ns >= 1e6 {
                    format!("{} ms", ns / 1e6)
                } else {
                    format!("{ns} ns")
                }
            };
            text += &format!(
                " {name}: {} in {}, {} in {}.",
                time(first.1),
                first.0,
                time(last.1),
                last.0
            );
        }
    }
    text
}

fn drawing(years: &[Year], layout: &Layout) -> String {
    let series = series(years);
    let row = FONT * 1.4;
    let (w, left, top, bottom) = (layout.width, FONT * 5.0, FONT * 0.8, FONT * 3.4);
    let right = if layout.legend_right { 150.0 } else { FONT };
    let axis_bottom = layout.height - bottom;
    let h = if layout.legend_right {
        layout.height
    } else {
        layout.height + row * series.len() as f64 + FONT * 0.6
    };
    let (legend_x, legend_y) = if layout.legend_right {
        (w - right + 14.0, top + FONT * 0.6)
    } else {
        (left, layout.height + FONT * 0.6)
    };
    let (x_min, x_max) = (
        years.iter().map(|y| y.year).min().unwrap_or(1980) as f64,
        years.iter().map(|y| y.year).max().unwrap_or(2005) as f64,
    );
    let (e_min, e_max) = (-1, 8); // 0.1 ns to 100 ms
    let px = |x: f64| left + (x - x_min) / (x_max - x_min).max(1.0) * (w - left - right);
    let py = |ns: f64| {
        axis_bottom - (ns.log10() - e_min as f64) / (e_max - e_min) as f64 * (axis_bottom - top)
    };
    let mut out = format!(
        "<svg class=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h:.0}\" \
         width=\"100%\" role=\"img\" font-family=\"sans-serif\" font-size=\"{FONT}\" fill=\"currentColor\">\
         <title>{TITLE}</title><desc>{}</desc>\n",
        layout.class,
        description(years)
    );
    // On the narrow drawing, every other year, so that labels never touch.
    let step = if layout.legend_right { 1 } else { 2 };
    for y in years.iter().step_by(step) {
        out += &format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{top}\" y2=\"{1}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{0:.1}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>\n",
            px(y.year as f64),
            axis_bottom,
            axis_bottom + FONT * 1.2,
            y.year
        );
    }
    let labels = [
        "0.1 ns", "1 ns", "10 ns", "100 ns", "1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms",
    ];
    // On the narrow drawing, every other power of ten.
    for (e, label) in (e_min..=e_max).zip(labels).step_by(step) {
        let y = py(10f64.powi(e));
        out += &format!(
            "<line x1=\"{left}\" x2=\"{0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{1}\" y=\"{2:.1}\" text-anchor=\"end\">{label}</text>\n",
            w - right,
            left - 6.0,
            y + FONT * 0.35
        );
    }
    out += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">year</text>\n\
         <text transform=\"translate({FONT} {}) rotate(-90)\" text-anchor=\"middle\">time (log scale)</text>\n",
        (left + w - right) / 2.0,
        axis_bottom + FONT * 2.6,
        (top + axis_bottom) / 2.0
    );
    // Fallback colours (light themes) when the page's stylesheet is absent.
    let colours = ["#0072B2", "#B34700", "#007A55", "#A3427E"];
    for (index, ((name, points), colour)) in series.iter().zip(colours).enumerate() {
        let class = format!("s{}", index + 1);
        let path: Vec<String> = points
            .iter()
            .map(|&(x, ns)| format!("{:.1},{:.1}", px(x), py(ns)))
            .collect();
        out += &format!(
            "<polyline class=\"series {class}\" data-name=\"{name}\" fill=\"none\" stroke=\"{colour}\" \
             stroke-width=\"2.5\" points=\"{}\"/>\n",
            path.join(" ")
        );
        for &(x, ns) in points {
            out += &format!(
                "<circle class=\"point {class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{colour}\"/>",
                px(x),
                py(ns)
            );
        }
        let ly = legend_y + row * index as f64;
        out += &format!(
            "\n<line class=\"series {class}\" data-name=\"{name}\" x1=\"{legend_x}\" x2=\"{}\" y1=\"{ly:.1}\" \
             y2=\"{ly:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"/><text x=\"{}\" y=\"{:.1}\">{name}</text>\n",
            legend_x + 24.0,
            legend_x + 30.0,
            ly + FONT * 0.35
        );
    }
    out += "</svg>";
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_into_six_years() {
        let years = parse(DATA).unwrap();
        assert_eq!(years.len(), 6);
        assert_eq!(years[0].year, 1980);
        assert_eq!(years[0].dram_access_ns, 375.0);
        assert_eq!(years[5].processor, "Pentium 4");
        assert_eq!(years[5].cpu_cycle_ns, 0.3);
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let text = "a,b,c,d,e,f\n1980,x,1,2,3\n";
        assert_eq!(parse(text).unwrap_err(), "line 2: expected 6 fields");
        let text = "a,b,c,d,e,f\n1980,x,1,2,fast,4\n";
        assert_eq!(parse(text).unwrap_err(), "line 2: \"fast\" is not a number");
        assert_eq!(
            parse("# only a comment\n").unwrap_err(),
            "the table has no header"
        );
    }

    #[test]
    fn the_table_has_a_row_per_year() {
        let table = markdown_table(&parse(DATA).unwrap());
        assert_eq!(table.lines().count(), 2 + 6);
        assert!(table.contains("| 1990 | 80386 | 50 ns | 35 ns | 100 ns | 28 ms |"));
    }

    #[test]
    fn the_plot_is_one_html_block_with_four_lines() {
        let svg = svg(&parse(DATA).unwrap());
        assert!(svg.starts_with("<figure class=\"course-plot\"><svg class=\"wide\""));
        assert!(svg.ends_with("</svg><figcaption>The growing gap: CPU cycle vs memory access time</figcaption></figure>\n"));
        assert!(!svg.contains("\n\n"));
        // Two drawings (wide, narrow), each with four lines of six years.
        assert_eq!(svg.matches("<svg class=").count(), 2);
        assert_eq!(svg.matches("<polyline").count(), 2 * 4);
        assert_eq!(svg.matches("<circle").count(), 2 * 24);
        assert_eq!(svg.matches("<title>").count(), 2);
        assert!(svg.contains("<desc>Line plot of access times (log scale) by year"));
        assert!(svg.contains("DRAM access: 375 ns in 1980,"));
    }
}
