//! Reading a program's arguments: positional values in order, `--name VALUE`
//! options anywhere, each number checked against its range.

use crate::Error;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::fmt::Display;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::str::FromStr;

/// What a program takes: shown by `--help` and after every usage error.
#[derive(Clone, Copy, Debug)]
pub struct Usage {
    /// The program's name, as the usage line shows it.
    pub program: &'static str,
    /// What follows the name: `"N [--image FILE.pgm]"`.
    pub arguments: &'static str,
    /// One sentence on what the program shows.
    pub about: &'static str,
    /// One line per argument for `--help`: its meaning, range and default.
    pub details: &'static str,
    /// The `--name` options it knows, each with the name of its value, or
    /// `""` for a flag that takes none.
    pub options: &'static [(&'static str, &'static str)],
}

impl Usage {
    /// A program that takes `arguments` (positional values only, so far).
    pub const fn new(program: &'static str, arguments: &'static str, about: &'static str) -> Usage {
        Usage {
            program,
            arguments,
            about,
            details: "",
            options: &[],
        }
    }

    /// The same, with a line per argument for `--help`.
    pub const fn details(self, details: &'static str) -> Usage {
        Usage { details, ..self }
    }

    /// The same, knowing these `--name` options.
    pub const fn options(self, options: &'static [(&'static str, &'static str)]) -> Usage {
        Usage { options, ..self }
    }

    /// `<program> <arguments>`.
    pub fn line(&self) -> String {
        format!("{} {}", self.program, self.arguments)
            .trim_end()
            .to_string()
    }

    /// What `--help` prints.
    pub fn help(&self) -> String {
        let mut text = format!(
            "{}: {}\n\nusage: {}\n",
            self.program,
            self.about,
            self.line()
        );
        for line in self.details.lines().filter(|l| !l.trim().is_empty()) {
            text.push_str(&format!("  {}\n", line.trim()));
        }
        text.push_str("  -h, --help  print this help and exit\n");
        text
    }

    /// A usage error: `<message> (usage: <line>)`, exit code 2.
    pub fn error(&self, message: impl Display) -> Error {
        Error::Usage(format!("{message} (usage: {})", self.line()))
    }
}

/// The arguments of one run, split into positional values and options.
/// Take what the program needs, then call [`Args::done`]: anything left is
/// an extra argument, a usage error.
#[derive(Debug)]
pub struct Args {
    usage: Usage,
    positional: VecDeque<OsString>,
    options: Vec<(&'static str, Option<OsString>)>,
}

impl Args {
    /// This process's arguments. `--help` comes back as [`Error::Help`].
    pub fn from_env(usage: &Usage) -> Result<Args, Error> {
        Args::parse(usage, std::env::args_os().skip(1))
    }

    /// `raw` (the arguments after the program's name) split by lexopt:
    /// `--name VALUE` and `--name=VALUE` for the options the usage lists,
    /// `--` before values that start with a dash, `-h`/`--help` anywhere.
    pub fn parse(usage: &Usage, raw: impl IntoIterator<Item = OsString>) -> Result<Args, Error> {
        use lexopt::Arg;
        let mut parser = lexopt::Parser::from_args(raw);
        let mut args = Args {
            usage: *usage,
            positional: VecDeque::new(),
            options: Vec::new(),
        };
        let bad = |e: lexopt::Error| usage.error(lexopt_message(e));
        loop {
            // A negative number is a value (to be refused by its range),
            // not a cluster of one-letter options.
            if let Some(number) = parser
                .try_raw_args()
                .and_then(|mut raw| raw.next_if(looks_negative))
            {
                args.positional.push_back(number);
                continue;
            }
            let Some(arg) = parser.next().map_err(bad)? else {
                break;
            };
            match arg {
                Arg::Short('h') | Arg::Long("help") => return Err(Error::Help(usage.help())),
                Arg::Value(value) => args.positional.push_back(value),
                Arg::Long(name) => {
                    let dashed = format!("--{name}");
                    let Some(&(known, value_name)) =
                        usage.options.iter().find(|(known, _)| *known == dashed)
                    else {
                        return Err(usage.error(format!("unknown option {dashed}")));
                    };
                    let value = if value_name.is_empty() {
                        None
                    } else {
                        let value = parser.value().map_err(|_| {
                            usage.error(format!("{known} needs a value ({known} {value_name})"))
                        })?;
                        Some(value)
                    };
                    args.options.push((known, value));
                }
                Arg::Short(letter) => return Err(usage.error(format!("unknown option -{letter}"))),
            }
        }
        Ok(args)
    }

    /// The usage error `message`, exit code 2.
    pub fn error(&self, message: impl Display) -> Error {
        self.usage.error(message)
    }

    /// The next positional value as text, if there is one.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, Error> {
        self.positional
            .pop_front()
            .map(|raw| utf8(&self.usage, name, raw))
            .transpose()
    }

    /// The next positional value as a path; it must be there.
    pub fn path(&mut self, name: &str) -> Result<PathBuf, Error> {
        self.optional_path(name)?
            .ok_or_else(|| self.error(format!("missing {name}")))
    }

    /// The next positional value as a path, if there is one.
    pub fn optional_path(&mut self, name: &str) -> Result<Option<PathBuf>, Error> {
        Ok(self
            .positional
            .pop_front()
            .map(|raw| checked_path(name, raw)))
        .and_then(|path| path.transpose().map_err(|m| self.error(m)))
    }

    /// The next positional value as a whole number in `range`, or `default`
    /// when there is none. `1_000_000` is accepted.
    pub fn count<T: Whole>(
        &mut self,
        name: &str,
        default: T,
        range: RangeInclusive<T>,
    ) -> Result<T, Error> {
        match self.text(name)? {
            None => Ok(default),
            Some(text) => whole(name, &text, &range).map_err(|m| self.error(m)),
        }
    }

    /// The next positional value as a whole number in `range`; it must be
    /// there.
    pub fn required_count<T: Whole>(
        &mut self,
        name: &str,
        range: RangeInclusive<T>,
    ) -> Result<T, Error> {
        match self.text(name)? {
            None => Err(self.error(format!("missing {name}"))),
            Some(text) => whole(name, &text, &range).map_err(|m| self.error(m)),
        }
    }

    /// The next positional value as a finite number in `range`, or
    /// `default` when there is none.
    pub fn number(
        &mut self,
        name: &str,
        default: f64,
        range: RangeInclusive<f64>,
    ) -> Result<f64, Error> {
        match self.text(name)? {
            None => Ok(default),
            Some(text) => real(name, &text, &range).map_err(|m| self.error(m)),
        }
    }

    /// Whether the flag `--name` was given.
    pub fn flag(&mut self, option: &str) -> bool {
        self.take_option(option).is_some()
    }

    /// The value of option `--name` as text (the last one given).
    pub fn option_text(&mut self, option: &str) -> Result<Option<String>, Error> {
        match self.take_option(option).flatten() {
            None => Ok(None),
            Some(raw) => utf8(&self.usage, option, raw).map(Some),
        }
    }

    /// The value of option `--name` as a path.
    pub fn option_path(&mut self, option: &str) -> Result<Option<PathBuf>, Error> {
        match self.take_option(option).flatten() {
            None => Ok(None),
            Some(raw) => checked_path(option, raw)
                .map(Some)
                .map_err(|m| self.error(m)),
        }
    }

    /// The value of option `--name` as a whole number in `range`, or
    /// `default`.
    pub fn option_count<T: Whole>(
        &mut self,
        option: &str,
        default: T,
        range: RangeInclusive<T>,
    ) -> Result<T, Error> {
        match self.option_text(option)? {
            None => Ok(default),
            Some(text) => whole(option, &text, &range).map_err(|m| self.error(m)),
        }
    }

    /// The value of option `--name` as a finite number in `range`, or
    /// `default`.
    pub fn option_number(
        &mut self,
        option: &str,
        default: f64,
        range: RangeInclusive<f64>,
    ) -> Result<f64, Error> {
        match self.option_text(option)? {
            None => Ok(default),
            Some(text) => real(option, &text, &range).map_err(|m| self.error(m)),
        }
    }

    /// Ends the reading: an argument nobody took is a usage error.
    pub fn done(self) -> Result<(), Error> {
        match self.positional.front() {
            None => Ok(()),
            Some(extra) => Err(self.error(format!("unexpected argument {extra:?}"))),
        }
    }

    fn take_option(&mut self, option: &str) -> Option<Option<OsString>> {
        let mut found = None;
        // Every occurrence is taken; the last one wins.
        while let Some(at) = self.options.iter().position(|(name, _)| *name == option) {
            found = Some(self.options.remove(at).1);
        }
        found
    }
}

/// The whole-number types a count can have.
pub trait Whole: Copy + PartialOrd + Display + FromStr {}
impl Whole for u32 {}
impl Whole for u64 {}
impl Whole for usize {}
impl Whole for i32 {}

/// The environment variable `variable` as a whole number in `range`, or
/// `None` when it is not set. A bad value is a usage error (exit code 2).
pub fn env_count<T: Whole>(variable: &str, range: RangeInclusive<T>) -> Result<Option<T>, Error> {
    match std::env::var(variable) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(raw)) => Err(Error::Usage(format!(
            "{variable} is not valid UTF-8: {raw:?}"
        ))),
        Ok(text) => whole(variable, &text, &range)
            .map(Some)
            .map_err(Error::Usage),
    }
}

/// The most threads `RAYON_NUM_THREADS` may ask for. Each thread costs a
/// stack and start-up time; far more threads than cores only adds both
/// (`RAYON_NUM_THREADS=100000` spends minutes starting threads).
pub const MAX_THREADS: usize = 1024;

/// Checks `RAYON_NUM_THREADS` before rayon reads it: at most
/// [`MAX_THREADS`] (0, rayon's "one per core", is allowed).
pub fn check_rayon_threads() -> Result<(), Error> {
    env_count::<usize>("RAYON_NUM_THREADS", 0..=MAX_THREADS).map(|_| ())
}

/// `text` as a whole number in `range`, or the one-line reason why not.
/// A number too large for the type is "at most", never a wrapped value.
pub fn whole<T: Whole>(name: &str, text: &str, range: &RangeInclusive<T>) -> Result<T, String> {
    let digits = text.trim().replace('_', "");
    let (min, max) = (range.start(), range.end());
    let below = || format!("{name} must be at least {}, got {text}", grouped(min));
    let above = || format!("{name} must be at most {}, got {text}", grouped(max));
    match digits.parse::<T>() {
        Ok(n) if n < *min => Err(below()),
        Ok(n) if n > *max => Err(above()),
        Ok(n) => Ok(n),
        Err(_) if is_digits(&digits) => Err(above()),
        Err(_) if digits.strip_prefix('-').is_some_and(is_digits) => Err(below()),
        Err(_) => Err(format!("{name} must be a whole number, got {text:?}")),
    }
}

/// `text` as a finite number in `range`, or the one-line reason why not.
pub fn real(name: &str, text: &str, range: &RangeInclusive<f64>) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(x) if range.contains(&x) => Ok(x),
        Ok(_) => Err(format!(
            "{name} must be a number from {} to {}, got {text}",
            range.start(),
            range.end()
        )),
        Err(_) => Err(format!("{name} must be a number, got {text:?}")),
    }
}

/// A number with `_` between groups of three digits, as the command line
/// accepts it: `10_000_000`. Short numbers stay as they are.
pub fn grouped(n: &impl Display) -> String {
    let text = n.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    if digits.len() <= 4 || !is_digits(digits) {
        return text;
    }
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    out
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn looks_negative(arg: &std::ffi::OsStr) -> bool {
    arg.to_str()
        .and_then(|text| text.strip_prefix('-'))
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

fn utf8(usage: &Usage, name: &str, raw: OsString) -> Result<String, Error> {
    raw.into_string()
        .map_err(|raw| usage.error(format!("{name} is not valid UTF-8: {raw:?}")))
}

/// A path argument; an empty one names no file at all.
fn checked_path(name: &str, raw: OsString) -> Result<PathBuf, String> {
    if raw.is_empty() {
        Err(format!("{name} must not be empty"))
    } else {
        Ok(PathBuf::from(raw))
    }
}

fn lexopt_message(error: lexopt::Error) -> String {
    match error {
        lexopt::Error::UnexpectedValue { option, .. } => format!("{option} takes no value"),
        lexopt::Error::UnexpectedOption(option) => format!("unknown option {option}"),
        lexopt::Error::NonUnicodeValue(value) => format!("argument is not valid UTF-8: {value:?}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const USAGE: Usage = Usage::new("demo", "N [FILE] [--image FILE.pgm]", "shows things")
        .details("N  how many, 1 to 1_000 (default 10)")
        .options(&[("--image", "FILE.pgm"), ("--quiet", "")]);

    fn args(line: &str) -> Result<Args, Error> {
        Args::parse(&USAGE, line.split_whitespace().map(OsString::from))
    }

    fn message(result: Result<impl std::fmt::Debug, Error>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn help_is_asked_for_anywhere() {
        for line in ["--help", "-h", "5 --help", "5 x --image a.pgm -h"] {
            let Err(Error::Help(text)) = args(line) else {
                panic!("{line}: no help")
            };
            assert!(text.starts_with("demo: shows things\n\nusage: demo N [FILE]"));
            assert!(text.contains("  N  how many, 1 to 1_000 (default 10)\n"));
        }
    }

    #[test]
    fn values_options_and_the_end() {
        let mut a = args("12 out.txt --image=p.pgm --quiet").unwrap();
        assert_eq!(a.option_path("--image").unwrap(), Some("p.pgm".into()));
        assert!(a.flag("--quiet"));
        assert_eq!(a.count("N", 10u64, 1..=1000).unwrap(), 12);
        assert_eq!(a.optional_path("FILE").unwrap(), Some("out.txt".into()));
        a.done().unwrap();
        let mut a = args("--image a.pgm --image b.pgm").unwrap();
        assert_eq!(a.option_path("--image").unwrap(), Some("b.pgm".into()));
        assert_eq!(a.count("N", 10u64, 1..=1000).unwrap(), 10);
        assert!(!a.flag("--quiet"));
        a.done().unwrap();
    }

    #[test]
    fn wrong_command_lines_are_one_line_usage_errors() {
        let extra = args("1 2").unwrap();
        assert_eq!(
            message(extra.done()),
            "unexpected argument \"1\" (usage: demo N [FILE] [--image FILE.pgm])"
        );
        assert!(message(args("--fast")).starts_with("unknown option --fast (usage"));
        assert!(message(args("-x")).starts_with("unknown option -x (usage"));
        assert!(message(args("--image")).starts_with("--image needs a value (--image FILE.pgm)"));
        assert!(message(args("--quiet=yes")).starts_with("--quiet takes no value"));
        let mut a = args("").unwrap();
        assert!(message(a.required_count::<u64>("N", 1..=9)).starts_with("missing N (usage"));
        let mut a = args("--image=").unwrap();
        assert!(message(a.option_path("--image")).starts_with("--image must not be empty"));
    }

    #[test]
    fn counts_never_wrap() {
        let r = 1..=1_000_000u64;
        assert_eq!(whole("N", "1_000", &r), Ok(1000));
        assert_eq!(whole("N", " 7 ", &r), Ok(7));
        assert_eq!(
            whole("N", "0", &r),
            Err("N must be at least 1, got 0".into())
        );
        assert_eq!(
            whole("N", "-5", &r),
            Err("N must be at least 1, got -5".into())
        );
        let huge = "N must be at most 1_000_000, got 18446744073709551616";
        assert_eq!(whole("N", "18446744073709551616", &r), Err(huge.into()));
        assert_eq!(
            whole("N", "ten", &r),
            Err("N must be a whole number, got \"ten\"".into())
        );
        assert_eq!(
            whole("N", "1e3", &r),
            Err("N must be a whole number, got \"1e3\"".into())
        );
        assert_eq!(
            whole::<i32>("R", "4294967296", &(0..=i32::MAX)).unwrap_err(),
            "R must be at most 2_147_483_647, got 4294967296"
        );
    }

    #[test]
    fn a_negative_number_is_a_value_not_an_option() {
        let mut a = args("-3").unwrap();
        assert_eq!(
            message(a.count("N", 10u64, 1..=9)),
            "N must be at least 1, got -3 (usage: demo N [FILE] [--image FILE.pgm])"
        );
        let mut a = args("-0.5").unwrap();
        assert!(
            message(a.number("F", 0.5, 0.0..=1.0)).starts_with("F must be a number from 0 to 1")
        );
    }

    #[test]
    fn real_numbers_are_finite_and_in_range() {
        let r = 0.0..=1.0;
        assert_eq!(real("F", "0.25", &r), Ok(0.25));
        for bad in ["NaN", "inf", "1.5", "-0.1"] {
            assert!(
                real("F", bad, &r).unwrap_err().contains("from 0 to 1"),
                "{bad}"
            );
        }
        assert_eq!(
            real("F", "half", &r),
            Err("F must be a number, got \"half\"".into())
        );
    }

    #[test]
    fn thread_counts_from_the_environment_are_bounded() {
        // A variable no other test or program sets.
        let name = "COURSE_CLI_TEST_THREADS";
        assert_eq!(env_count::<usize>(name, 0..=8), Ok(None));
        // SAFETY: this test is the only code reading or writing this variable.
        unsafe { std::env::set_var(name, "100000") };
        assert_eq!(
            env_count::<usize>(name, 0..=1024),
            Err(Error::Usage(
                "COURSE_CLI_TEST_THREADS must be at most 1024, got 100000".into()
            ))
        );
        unsafe { std::env::set_var(name, "4") };
        assert_eq!(env_count::<usize>(name, 0..=1024), Ok(Some(4)));
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(&7), "7");
        assert_eq!(grouped(&4096), "4096");
        assert_eq!(grouped(&10_000_000u64), "10_000_000");
        assert_eq!(grouped(&-2_147_483_648i64), "-2_147_483_648");
    }

    #[test]
    fn non_utf8_values_are_usage_errors() {
        use std::os::unix::ffi::OsStringExt;
        let raw = vec![OsString::from_vec(vec![0xff, 0xfe])];
        let mut a = Args::parse(&USAGE, raw).unwrap();
        assert!(message(a.count("N", 1u64, 1..=9)).starts_with("N is not valid UTF-8"));
    }
}
