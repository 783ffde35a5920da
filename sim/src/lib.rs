//! zstack-sim: see README.
