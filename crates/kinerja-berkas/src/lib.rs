//! File format (being written).
