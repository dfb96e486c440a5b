//! SKM adapter (being written).
