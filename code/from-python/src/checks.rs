//! What Python may hand us that the kernels cannot take, and the one-line
//! message Python shows for each. A wrong type is a `TypeError`, a right
//! type with a wrong value a `ValueError`, as in Python's own functions.

use std::fmt;

/// A bad argument: which Python exception, and its message.
#[derive(Debug, Clone, PartialEq)]
pub enum BadInput {
    Type(String),
    Value(String),
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadInput::Type(message) | BadInput::Value(message) => f.write_str(message),
        }
    }
}

/// Not a NumPy array at all (a list, say): `got` is its Python type name.
pub fn not_an_array(name: &str, got: &str) -> BadInput {
    BadInput::Type(format!("{name} must be a NumPy array, got {got}"))
}

/// An array of more (or fewer) than one dimension.
pub fn not_one_dimensional(name: &str, ndim: usize) -> BadInput {
    BadInput::Value(format!(
        "{name} must be one-dimensional, got {ndim} dimensions"
    ))
}

/// The right shape with the wrong element type (int64 for float64).
pub fn wrong_dtype(name: &str, expected: &str, got: &str) -> BadInput {
    BadInput::Type(format!(
        "{name} must have dtype {expected}, got {got} (convert with {name}.astype(numpy.{expected}))"
    ))
}

/// A strided view (`x[::2]`): its elements are not side by side, so it
/// cannot be borrowed as one slice.
pub fn not_contiguous(name: &str) -> BadInput {
    BadInput::Value(format!(
        "{name} is not contiguous (a strided view such as x[::2]?): pass numpy.ascontiguousarray({name})"
    ))
}

/// Columns of one table must have one length each.
pub fn same_lengths(columns: &[(&str, usize)]) -> Result<(), BadInput> {
    if columns.windows(2).all(|pair| pair[0].1 == pair[1].1) {
        return Ok(());
    }
    let described: Vec<String> = columns
        .iter()
        .map(|(name, len)| format!("{name} has {len}"))
        .collect();
    Err(BadInput::Value(format!(
        "the columns must have the same length: {}",
        described.join(", ")
    )))
}

/// Every number of rectangles must be at least one (the step `dx` divides
/// by it); names the first culprit.
pub fn positive_counts(name: &str, counts: &[i64]) -> Result<(), BadInput> {
    match counts.iter().position(|&n| n <= 0) {
        None => Ok(()),
        Some(i) => Err(BadInput::Value(format!(
            "{name}[{i}] is {}: the number of rectangles must be at least 1",
            counts[i]
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lengths_pass_and_unequal_ones_are_named() {
        assert_eq!(same_lengths(&[("a", 3), ("b", 3), ("N", 3)]), Ok(()));
        assert_eq!(
            same_lengths(&[("a", 3), ("b", 3), ("N", 2)]),
            Err(BadInput::Value(
                "the columns must have the same length: a has 3, b has 3, N has 2".into()
            ))
        );
    }

    #[test]
    fn the_first_count_below_one_is_named() {
        assert_eq!(positive_counts("N", &[5, 1, 7]), Ok(()));
        assert_eq!(
            positive_counts("N", &[5, 0, -3]),
            Err(BadInput::Value(
                "N[1] is 0: the number of rectangles must be at least 1".into()
            ))
        );
        assert!(
            positive_counts("N", &[-3])
                .unwrap_err()
                .to_string()
                .starts_with("N[0] is -3")
        );
    }

    #[test]
    fn types_and_values_are_told_apart_in_one_line() {
        let messages = [
            not_an_array("a", "list"),
            not_one_dimensional("a", 2),
            wrong_dtype("a", "float64", "int64"),
            not_contiguous("b"),
        ];
        assert!(matches!(messages[0], BadInput::Type(_)));
        assert!(matches!(messages[1], BadInput::Value(_)));
        assert!(matches!(messages[2], BadInput::Type(_)));
        assert!(matches!(messages[3], BadInput::Value(_)));
        for message in &messages {
            assert!(!message.to_string().contains('\n'), "{message}");
        }
        assert_eq!(
            messages[2].to_string(),
            "a must have dtype float64, got int64 (convert with a.astype(numpy.float64))"
        );
    }
}
