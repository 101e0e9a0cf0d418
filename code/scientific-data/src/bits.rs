//! Bits and bytes: how wide numbers are, how precise floats are, and in
//! which order their bytes are stored.

// ANCHOR: widths
/// The size in bytes of the number types scientific files are made of.
pub fn widths() -> [(&'static str, usize); 8] {
    use std::mem::size_of;
    [
        ("u8", size_of::<u8>()),
        ("i16", size_of::<i16>()),
        ("i32", size_of::<i32>()),
        ("i64", size_of::<i64>()),
        ("f32", size_of::<f32>()),
        ("f64", size_of::<f64>()),
        ("usize", size_of::<usize>()),
        ("bool", size_of::<bool>()),
    ]
}
// ANCHOR_END: widths

// ANCHOR: precision
/// `value` stored as an `f32` and widened back to `f64`: what is left of it
/// after a trip through single precision.
pub fn through_f32(value: f64) -> f64 {
    value as f32 as f64
}

/// Whether `value` survives a trip through `f32` unchanged, bit for bit.
pub fn survives_f32(value: f64) -> bool {
    through_f32(value).to_bits() == value.to_bits()
}
// ANCHOR_END: precision

// ANCHOR: endianness
/// The 8 bytes of `value` as a little-endian machine (x86-64, most ARM)
/// keeps them in memory and as `.npy` files store them: least significant
/// byte first.
pub fn little_endian(value: f64) -> [u8; 8] {
    value.to_le_bytes()
}

/// The same bytes in big-endian order ("network order", also used by some
/// older file formats): most significant byte first.
pub fn big_endian(value: f64) -> [u8; 8] {
    value.to_be_bytes()
}

/// Bytes as the hexadecimal pairs a hex dump shows.
pub fn hex(bytes: &[u8]) -> String {
    let pairs: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    pairs.join(" ")
}
// ANCHOR_END: endianness

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_what_the_page_says() {
        let w: Vec<usize> = widths().iter().map(|(_, bytes)| *bytes).collect();
        // usize is 8 bytes on every 64-bit machine the course supports.
        assert_eq!(w, [1, 2, 4, 8, 4, 8, 8, 1]);
    }

    #[test]
    fn f32_keeps_about_7_digits_and_f64_about_16() {
        assert_eq!(f32::DIGITS, 6);
        assert_eq!(f64::DIGITS, 15);
        // 0.1 has no exact binary form; its f32 neighbour is a different number.
        assert!(!survives_f32(0.1));
        assert_eq!(through_f32(0.1), 0.10000000149011612);
        // Integers above 2^24 no longer all fit in f32's 24-bit significand.
        assert!(survives_f32(16_777_216.0));
        assert!(!survives_f32(16_777_217.0));
        assert_eq!(through_f32(16_777_217.0), 16_777_216.0);
        // Short binary fractions are exact in both.
        assert!(survives_f32(0.375));
    }

    #[test]
    fn endianness_reverses_the_byte_order() {
        assert_eq!(hex(&little_endian(1.0)), "00 00 00 00 00 00 f0 3f");
        assert_eq!(hex(&big_endian(1.0)), "3f f0 00 00 00 00 00 00");
        let mut reversed = little_endian(-2.5);
        reversed.reverse();
        assert_eq!(reversed, big_endian(-2.5));
        assert_eq!(f64::from_le_bytes(little_endian(-2.5)), -2.5);
        // Reading bytes with the wrong order gives a valid but wrong number.
        assert_eq!(f64::from_be_bytes(little_endian(1.0)), 3.03865e-319);
    }
}
