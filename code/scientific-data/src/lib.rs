//! Day 1, Scientific data: bits, bytes and file formats.
