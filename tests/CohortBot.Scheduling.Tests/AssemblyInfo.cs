// Every host test boots a real Quartz scheduler and a real SQLite file; run them one at a time so
// schedulers never share the process-wide repository and timings stay honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
