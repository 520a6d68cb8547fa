using SocialPrescribing.Testing.Postgres;

// One throwaway PostgreSQL server for the run, started by the first test that asks for it; tests that
// stop the server start a private one.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
