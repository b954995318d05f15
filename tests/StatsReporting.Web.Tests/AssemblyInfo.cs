// Hangfire's JobStorage.Current is one static: two hosts (ServiceHost's and NamndHost's collections) running at the
// same time replace or dispose each other's storage, so a test may read the other host's jobs. The web tests'
// collections therefore run one after another.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
