//! The command line's one error type. Its kind is the exit status scripts rely on:
//!
//! | status | meaning                                                                        |
//! |--------|--------------------------------------------------------------------------------|
//! | 0      | done                                                                           |
//! | 1      | the input was read, and the command refuses it or cannot produce its result:   |
//! |        | a report refused for open reviu errors, an import that fails validation, a     |
//! |        | year without budget data, a survey that cannot be computed; also `periksa`     |
//! |        | when it finds open errors (that is its output, not a `GalatPerintah`)          |
//! | 2      | the command could not start or finish its input/output: arguments, a data or   |
//! |        | rules file that cannot be read, a database that cannot be opened, a file that  |
//! |        | cannot be written                                                              |

use std::fmt::Display;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatPerintah {
    /// Arguments, or what the command reads or writes: exit status 2.
    #[error("{0}")]
    Masukan(String),
    /// The data as read is refused, or gives no result: exit status 1.
    #[error("{0}")]
    Ditolak(String),
}

impl GalatPerintah {
    pub fn masukan(e: impl Display) -> GalatPerintah {
        GalatPerintah::Masukan(e.to_string())
    }

    pub fn ditolak(e: impl Display) -> GalatPerintah {
        GalatPerintah::Ditolak(e.to_string())
    }

    pub fn kode_keluar(&self) -> u8 {
        match self {
            GalatPerintah::Ditolak(_) => 1,
            GalatPerintah::Masukan(_) => 2,
        }
    }
}
