//! Indonesian number notation: `.` groups thousands, `,` is the decimal mark.
//! (Being written: see the helper's task.)
