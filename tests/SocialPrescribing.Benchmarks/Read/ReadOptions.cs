using System.Globalization;
using System.Reflection;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// The <c>read</c> mode's command line: <c>read --engine postgres|sqlite --journeys 100000 [--keep name] [--samples 200]
/// [--parallel 64] [--output bench-read.md] [--host dll]</c>.
/// </summary>
internal sealed record ReadOptions(
    string Engine,
    int Journeys,
    string? Keep,
    int Samples,
    int Parallel,
    string Output,
    string HostAssembly)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/SocialPrescribing.Benchmarks -- read [options]
          --engine <name>     postgres (default) or sqlite
          --journeys <n>      journeys loaded through the application core (default 100000); open safety alerts are
                              1.3 % of them, and one more journey has about 2,010 events
          --keep <name>       PostgreSQL: the database to load into and leave in place (on the server SP_TEST_POSTGRES
                              names; a throwaway server is removed anyway); SQLite: the folder. When it already holds a
                              data set, nothing is loaded and only the reads are measured
          --samples <n>       measured requests per read, after 5 unmeasured ones (default 200; a read stops early
                              after 90 s)
          --parallel <n>      journeys loaded at a time (default 64)
          --output <file>     where the markdown table goes (default bench-read.md)
          --host <dll>        SocialPrescribing.Host.dll (default: built with this project)
        """;

    public static ReadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ReadOptions(
            "postgres",
            100_000,
            null,
            200,
            64,
            Path.GetFullPath("bench-read.md"),
            typeof(ReadOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostAssembly").Value!);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is "--help" or "-h")
            {
                throw new ArgumentException(Usage);
            }

            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.{Environment.NewLine}{Usage}");
            options = args[i] switch
            {
                "--engine" when value is "postgres" or "sqlite" => options with { Engine = value },
                "--journeys" => options with { Journeys = Math.Max(100, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--keep" => options with { Keep = value },
                "--samples" => options with { Samples = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--parallel" => options with { Parallel = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--output" => options with { Output = Path.GetFullPath(value) },
                "--host" => options with { HostAssembly = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option or value {args[i]} {value}.{Environment.NewLine}{Usage}"),
            };
        }

        return options;
    }
}
