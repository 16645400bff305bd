"""What every subpackage may use and that knows nothing of posts or sites: work in a forked process."""
