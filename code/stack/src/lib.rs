//! Day 1, The stack: arrays, memory and the machine.
