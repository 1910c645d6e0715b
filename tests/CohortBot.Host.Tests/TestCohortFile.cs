namespace CohortBot.Host.Tests;

/// <summary>A cohort file in Asia/Seoul for host tests; with the clock at <see cref="Testing.SampleCohort.Now"/> week 2 is open.</summary>
internal static class TestCohortFile
{
    public const string Yaml = """
        cohort:
          id: test-cohort
          name: Test Cohort
          time_zone: Asia/Seoul
          starts: 2026-09-14
          ends: 2027-01-31
          registration: open
        weeks:
          - number: 1
            title: Course 1, weeks 1-2
            course: Neural Networks and Deep Learning
            opens: 2026-09-14 00:00
            deadline: 2026-09-20 23:59
          - number: 2
            title: Course 1, weeks 3-4
            opens: 2026-09-21 00:00
            deadline: 2026-09-27 23:59
          - number: 3
            title: Course 2, week 1
            opens: 2026-09-28 00:00
            deadline: 2026-10-04 23:59
        certificates:
          deadline: 2027-01-15 23:59
          allowed:
            - id: tf-developer
              name: TensorFlow Developer Certificate
            - id: gcp-ml-engineer
              name: Google Cloud Professional Machine Learning Engineer
            - id: gcp-data-engineer
              name: Google Cloud Professional Data Engineer
        events:
          - id: tt-dable
            kind: tech_talk
            title: News recommendation at scale
            company: Dable
            speakers:
              - name: Jung Yuna
                role: Data Scientist
            starts: 2026-09-30 20:00
            duration: 90m
            join_url: https://meet.example.com/tt
          - id: oh-dable
            kind: office_hours
            title: Office hours with Dable
            company: Dable
            starts: 2026-10-01 21:00
            duration: 45m
            capacity: 1
            join_url: https://meet.example.com/oh
        """;
}
