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

/// A log-scale line plot of the table as one inline SVG block (no blank
/// lines, so Markdown keeps it whole; `currentColor`, so it follows the
/// book's light or dark theme).
pub fn svg(years: &[Year]) -> String {
    let (w, h) = (640.0, 380.0);
    let (left, right, top, bottom) = (72.0, 140.0, 34.0, 52.0);
    let (x_min, x_max) = (
        years.iter().map(|y| y.year).min().unwrap_or(1980) as f64,
        years.iter().map(|y| y.year).max().unwrap_or(2005) as f64,
    );
    let (e_min, e_max) = (-1, 8); // 0.1 ns to 100 ms
    let px = |x: f64| left + (x - x_min) / (x_max - x_min).max(1.0) * (w - left - right);
    let py = |ns: f64| {
        h - bottom - (ns.log10() - e_min as f64) / (e_max - e_min) as f64 * (h - top - bottom)
    };
    let mut out = format!(
        "<figure class=\"course-plot\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" \
         width=\"100%\" role=\"img\" aria-label=\"CPU cycle time and memory access times, 1980 to 2005\" \
         font-family=\"sans-serif\" font-size=\"13\" fill=\"currentColor\" style=\"max-width:{w}px\">\n\
         <text x=\"{}\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">The growing gap: CPU cycle vs memory access time</text>\n",
        (left + w - right) / 2.0
    );
    for y in years {
        out += &format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{top}\" y2=\"{1}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{0:.1}\" y=\"{2}\" text-anchor=\"middle\">{3}</text>\n",
            px(y.year as f64),
            h - bottom,
            h - bottom + 18.0,
            y.year
        );
    }
    let labels = [
        "0.1 ns", "1 ns", "10 ns", "100 ns", "1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms",
    ];
    for (e, label) in (e_min..=e_max).zip(labels) {
        let y = py(10f64.powi(e));
        out += &format!(
            "<line x1=\"{left}\" x2=\"{0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>\
             <text x=\"{1}\" y=\"{2:.1}\" text-anchor=\"end\">{label}</text>\n",
            w - right,
            left - 6.0,
            y + 4.0
        );
    }
    out += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">year</text>\n\
         <text transform=\"translate(16 {}) rotate(-90)\" text-anchor=\"middle\">time (log scale)</text>\n",
        (left + w - right) / 2.0,
        h - 12.0,
        (top + h - bottom) / 2.0
    );
    // Okabe–Ito colours, as in the course's measured plots.
    let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"];
    for (index, ((name, points), colour)) in series(years).iter().zip(colours).enumerate() {
        let path: Vec<String> = points
            .iter()
            .map(|&(x, ns)| format!("{:.1},{:.1}", px(x), py(ns)))
            .collect();
        out += &format!(
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.2\" points=\"{}\"/>\n",
            path.join(" ")
        );
        for &(x, ns) in points {
            out += &format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"/>",
                px(x),
                py(ns)
            );
        }
        let ly = top + 10.0 + 22.0 * index as f64;
        let lx = w - right + 14.0;
        out += &format!(
            "\n<line x1=\"{lx}\" x2=\"{}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"2.2\"/>\
             <text x=\"{}\" y=\"{}\">{name}</text>\n",
            lx + 22.0,
            lx + 28.0,
            ly + 4.0
        );
    }
    out += "</svg></figure>\n";
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
        assert!(svg.starts_with("<figure") && svg.ends_with("</svg></figure>\n"));
        assert!(!svg.contains("\n\n"));
        assert_eq!(svg.matches("<polyline").count(), 4);
        assert_eq!(svg.matches("<circle").count(), 24);
    }
}
