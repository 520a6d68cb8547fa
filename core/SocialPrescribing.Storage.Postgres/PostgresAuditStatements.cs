namespace SocialPrescribing.Storage.Postgres;

/// <summary>The SQL of the audit log (<see cref="IAuditLog"/>), written once per store for its schema.</summary>
/// <remarks>
/// When the writer knows the heads already (it wrote the last entries itself), an append is one statement,
/// <see cref="AppendAfterHeads"/>, that writes only if they have not moved. Otherwise it is one transaction in two
/// round trips: the first begins it, creates missing heads and locks the heads of
/// the tenants involved in tenant order (so two appenders never wait for each other crosswise); the store then links
/// the entries on from those heads (<see cref="AuditChain"/>), and the second round trip inserts them all in one
/// statement, moves the heads and commits.
/// </remarks>
internal sealed class PostgresAuditStatements
{
    public const string Begin = "BEGIN ISOLATION LEVEL READ COMMITTED";

    public const string Commit = "COMMIT";

    public const string Rollback = "ROLLBACK";

    public const string EntryColumns =
        "sequence, at, actor, roles, client, journey_id, category, action, outcome, purpose, break_glass_reason, request_id, source_address, previous_hash, hash";

    private readonly string _entries;

    public PostgresAuditStatements(string quotedSchema)
    {
        _entries = $"{quotedSchema}.audit_entries";
        var heads = $"{quotedSchema}.audit_chain_heads";

        // $1 the tenants, in lock order.
        CreateHeads = $"""
            INSERT INTO {heads} (tenant, sequence, hash)
            SELECT t, 0, '{AuditChain.Genesis}' FROM unnest($1::text[]) AS t ORDER BY t
            ON CONFLICT (tenant) DO NOTHING
            """;
        LockHeads = $"SELECT tenant, sequence, hash FROM {heads} WHERE tenant = ANY($1::text[]) ORDER BY tenant FOR UPDATE";

        // $1..$16: the entries' tenant and columns as parallel arrays.
        Insert = $"""
            INSERT INTO {_entries} (tenant, {EntryColumns})
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                                 $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
            """;

        // $1 tenants, $2 their new last sequences, $3 their new last hashes.
        MoveHeads = $"""
            UPDATE {heads} AS h SET sequence = n.sequence, hash = n.hash
            FROM unnest($1::text[], $2::bigint[], $3::text[]) AS n (tenant, sequence, hash)
            WHERE h.tenant = n.tenant
            """;

        // $1..$16 the entries as for Insert; $17..$19 the heads the entries were linked on from (tenant, sequence,
        // hash), in lock order; $20..$22 the heads after them. One statement, so one round trip and one implicit
        // transaction: it locks the heads, and inserts and moves them only when every head is still the expected one.
        // A head moved by a transaction that committed while this one waited for its lock is seen as moved: FOR UPDATE
        // reads the newest version of the row it locked. Either way it returns the heads it found and whether it wrote.
        AppendAfterHeads = $"""
            WITH locked AS (
                SELECT tenant, sequence, hash FROM {heads} WHERE tenant = ANY($17::text[]) ORDER BY tenant FOR UPDATE
            ),
            unchanged AS (
                SELECT count(*) = cardinality($17::text[]) AS ok
                FROM locked AS l
                JOIN unnest($17::text[], $18::bigint[], $19::text[]) AS e (tenant, sequence, hash)
                  ON e.tenant = l.tenant AND e.sequence = l.sequence AND e.hash = l.hash
            ),
            inserted AS (
                {Insert}
                WHERE (SELECT ok FROM unchanged)
                RETURNING 1
            ),
            moved AS (
                UPDATE {heads} AS h SET sequence = n.sequence, hash = n.hash
                FROM unnest($20::text[], $21::bigint[], $22::text[]) AS n (tenant, sequence, hash)
                WHERE h.tenant = n.tenant AND (SELECT ok FROM unchanged)
                RETURNING 1
            )
            SELECT l.tenant, l.sequence, l.hash, u.ok FROM locked AS l CROSS JOIN unchanged AS u
            """;

        ReadHead = $"SELECT sequence, hash FROM {heads} WHERE tenant = $1";
        var anchors = $"{quotedSchema}.audit_chain_anchors";
        ReadAnchor = $"SELECT sequence, hash FROM {anchors} WHERE tenant = $1";
        // A purge, in the owner's transaction: the gate opens deletes for this transaction only; the head's lock keeps
        // appends of the tenant out until it commits. $1 the tenant, $2 the moment before which entries go.
        OpenPurgeGate = "SELECT set_config('sp.audit_purge', 'on', true)";
        LockHead = $"SELECT sequence, hash FROM {heads} WHERE tenant = $1 FOR UPDATE";
        // The last entry of the prefix older than $2: every entry up to it was written before $2, and the one after it
        // was not (or there is none). $3 the anchor's sequence, below which nothing is left.
        PurgeCut = $"""
            SELECT e.sequence, e.hash FROM {_entries} AS e
            WHERE e.tenant = $1 AND e.sequence > $3
              AND e.sequence < coalesce((SELECT min(sequence) FROM {_entries} WHERE tenant = $1 AND sequence > $3 AND at >= $2), 9223372036854775807)
            ORDER BY e.sequence DESC LIMIT 1
            """;
        DeleteThrough = $"DELETE FROM {_entries} WHERE tenant = $1 AND sequence <= $2";
        MoveAnchor = $"""
            INSERT INTO {anchors} (tenant, sequence, hash, purged_before, purged_at) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (tenant) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                purged_before = excluded.purged_before, purged_at = excluded.purged_at
            """;
        ReadChainAfter = $"SELECT {EntryColumns} FROM {_entries} WHERE tenant = $1 AND sequence > $2 ORDER BY sequence LIMIT $3";
        ListTenants = $"SELECT tenant FROM {heads} WHERE sequence > 0 ORDER BY tenant";
    }

    public string CreateHeads { get; }

    public string LockHeads { get; }

    public string Insert { get; }

    public string MoveHeads { get; }

    /// <summary>The whole append in one statement, for heads known beforehand; see the constructor.</summary>
    public string AppendAfterHeads { get; }

    public string ReadHead { get; }

    public string ReadAnchor { get; }

    public string OpenPurgeGate { get; }

    public string LockHead { get; }

    public string PurgeCut { get; }

    public string DeleteThrough { get; }

    public string MoveAnchor { get; }

    /// <summary>A tenant's entries in chain order after a sequence, at most a given number, columns as <see cref="EntryColumns"/>.</summary>
    public string ReadChainAfter { get; }

    public string ListTenants { get; }

    /// <summary>
    /// The count and page statements for a query, given which filters it has. $1 is the tenant, the filters follow
    /// in the order journey, actor, from, to, category, outcome (those present only); the page statement then takes
    /// the sequence to start after, the page size and the offset.
    /// </summary>
    public (string Count, string Page) Query(bool journey, bool actor, bool from, bool to, bool category, bool outcome, bool emergencyOnly = false)
    {
        var filter = emergencyOnly ? "tenant = $1 AND break_glass_reason IS NOT NULL" : "tenant = $1";
        var n = 1;
        foreach (var (present, condition) in (ReadOnlySpan<(bool, string)>)[
            (journey, "journey_id = ${0}"),
            (actor, "actor = ${0}"),
            (from, "at >= ${0}"),
            (to, "at < ${0}"),
            (category, "category = ${0}"),
            (outcome, "outcome = ${0}")])
        {
            if (present)
            {
                filter += " AND " + string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, ++n);
            }
        }

        return (
            $"SELECT count(*) FROM {_entries} WHERE {filter}",
            $"SELECT {EntryColumns} FROM {_entries} WHERE {filter} AND sequence > ${n + 1} ORDER BY sequence LIMIT ${n + 2} OFFSET ${n + 3}");
    }
}
