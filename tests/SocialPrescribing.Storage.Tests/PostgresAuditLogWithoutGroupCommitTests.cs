using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The audit log conformance suite on PostgreSQL with group commit off: every append a transaction of its own.</summary>
public sealed class PostgresAuditLogWithoutGroupCommitTests(PostgresFixture fixture) : PostgresAuditLogConformance(fixture, groupCommit: false);
