namespace SocialPrescribing.Storage;

/// <summary>What a caseload column holds, as every store maps it to its own column types.</summary>
public enum CaseloadColumnKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A JSON array or object, written as a string; PostgreSQL keeps it as <c>jsonb</c>.</summary>
    Json,

    /// <summary>A non-negative 32-bit count.</summary>
    Count,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>An instant (<see cref="DateTimeOffset"/>), kept in UTC.</summary>
    Instant,

    /// <summary>A calendar day (<see cref="DateOnly"/>).</summary>
    Date,
}

/// <summary>
/// One column of the caseload row: its name in every store, what it holds, and which <see cref="JourneySummary"/>
/// property it reads and writes. The stores build their append, rebuild and listing statements, their parameters and
/// their reads from <see cref="JourneySummary.Columns"/>, so a column is declared there once.
/// </summary>
public abstract class CaseloadColumn
{
    private protected CaseloadColumn(string name, CaseloadColumnKind kind, bool nullable, bool listed)
    {
        Name = name;
        Kind = kind;
        Nullable = nullable;
        Listed = listed;
    }

    /// <summary>The column's name, the same in every store (snake case).</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public CaseloadColumnKind Kind { get; }

    /// <summary>Whether it may be null.</summary>
    public bool Nullable { get; }

    /// <summary>Whether listings return it; digests kept for reports and partners are not.</summary>
    public bool Listed { get; }

    /// <summary>
    /// The column's value in <paramref name="row"/>: a <see cref="string"/>, <see cref="int"/>, <see cref="bool"/>,
    /// <see cref="DateTimeOffset"/> or <see cref="DateOnly"/> as <see cref="Kind"/> says, or null.
    /// </summary>
    public abstract object? ValueOf(JourneySummary row);

    /// <summary><paramref name="row"/> with this column set to <paramref name="value"/> (of the type <see cref="ValueOf"/> gives).</summary>
    public abstract JourneySummary WithValue(JourneySummary row, object? value);

    /// <summary>A text column.</summary>
    public static CaseloadColumn Text(string name, Func<JourneySummary, string?> get, Func<JourneySummary, string?, JourneySummary> set, bool nullable = false, bool listed = true) =>
        new Typed<string?>(name, CaseloadColumnKind.Text, nullable, listed, get, set);

    /// <summary>A JSON column.</summary>
    public static CaseloadColumn Json(string name, Func<JourneySummary, string?> get, Func<JourneySummary, string?, JourneySummary> set, bool listed = false) =>
        new Typed<string?>(name, CaseloadColumnKind.Json, nullable: true, listed, get, set);

    /// <summary>A count column.</summary>
    public static CaseloadColumn Count(string name, Func<JourneySummary, int> get, Func<JourneySummary, int, JourneySummary> set) =>
        new Typed<int>(name, CaseloadColumnKind.Count, nullable: false, listed: true, get, set);

    /// <summary>A flag.</summary>
    public static CaseloadColumn Boolean(string name, Func<JourneySummary, bool> get, Func<JourneySummary, bool, JourneySummary> set) =>
        new Typed<bool>(name, CaseloadColumnKind.Boolean, nullable: false, listed: true, get, set);

    /// <summary>An instant.</summary>
    public static CaseloadColumn Instant(string name, Func<JourneySummary, DateTimeOffset?> get, Func<JourneySummary, DateTimeOffset?, JourneySummary> set, bool nullable = false) =>
        new Typed<DateTimeOffset?>(name, CaseloadColumnKind.Instant, nullable, listed: true, get, set);

    /// <summary>A calendar day.</summary>
    public static CaseloadColumn Date(string name, Func<JourneySummary, DateOnly?> get, Func<JourneySummary, DateOnly?, JourneySummary> set) =>
        new Typed<DateOnly?>(name, CaseloadColumnKind.Date, nullable: true, listed: true, get, set);

    private sealed class Typed<T>(
        string name, CaseloadColumnKind kind, bool nullable, bool listed, Func<JourneySummary, T> get, Func<JourneySummary, T, JourneySummary> set)
        : CaseloadColumn(name, kind, nullable, listed)
    {
        public override object? ValueOf(JourneySummary row) => get(row);

        public override JourneySummary WithValue(JourneySummary row, object? value) => set(row, (T)value!);
    }
}
