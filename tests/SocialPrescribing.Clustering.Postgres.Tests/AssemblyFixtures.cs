using SocialPrescribing.Testing.Postgres;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
