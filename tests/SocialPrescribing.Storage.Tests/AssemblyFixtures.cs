using SocialPrescribing.Testing.Postgres;

// One throwaway PostgreSQL server for the whole run, started by the first test that asks for it.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
