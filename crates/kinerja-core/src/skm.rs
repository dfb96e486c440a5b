//! SKM (Survei Kepuasan Masyarakat). (Being written.)
