using System.CommandLine;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spectre.Console;
using static SocialPrescribing.Cli.TenantCommands;

namespace SocialPrescribing.Cli;

/// <summary><c>spf directory import &lt;file|folder&gt; --tenant T</c>: HSDS 3 services into a tenant's community directory.</summary>
internal static class DirectoryCommands
{
    public static Command Build(SpfContext context)
    {
        var directory = new Command("directory", "The tenants' community directories (Open Referral HSDS 3).");
        var tenant = new Option<string>("--tenant") { Description = "Whose directory.", Required = true };
        var source = new Argument<string>("file|folder") { Description = "An HSDS JSON array of services (.json), a zip of the tabular CSV package (.zip), or the package's folder (zipped on the way)." };
        var import = new Command("import", "Imports services, with a progress bar at a terminal, and lists every record refused with the field and reason. Exit 0 when all went in, 2 when some were refused.") { tenant, source };
        import.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(source)!);
            var (bytes, mediaType) = Read(path);
            var url = $"/api/v1/tenants/{Escape(parse.GetValue(tenant))}/directory/imports";
            JsonNode? report = null;
            if (context.Console.IsTerminal && !parse.GetValue(Spf.Json))
            {
                await context.Console.Ansi.Progress().StartAsync(async progress =>
                {
                    var upload = progress.AddTask($"Importing {Path.GetFileName(path)}", maxValue: bytes.Length);
                    using var content = new ProgressContent(bytes, mediaType, sent => upload.Value = sent);
                    report = await api.SendAsync(HttpMethod.Post, url, content, null, ct);
                    upload.Value = bytes.Length;
                });
            }
            else
            {
                using var content = new ProgressContent(bytes, mediaType, _ => { });
                report = await api.SendAsync(HttpMethod.Post, url, content, null, ct);
            }

            var rejections = report!["rejections"]?.AsArray() ?? [];
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(report);
            }
            else
            {
                context.Console.Line($"received {Text(report["received"])}, imported {Text(report["imported"]) ?? "0"}, updated {Text(report["updated"]) ?? "0"}, unchanged {Text(report["unchanged"]) ?? "0"}, rejected {Text(report["rejected"]) ?? "0"}");
                if (rejections.Count > 0)
                {
                    context.Console.Table(["record", "id", "field", "reason"], rejections.Select(r => (IReadOnlyList<string?>)
                        [Text(r!["index"]) ?? Text(r["row"]), Text(r["id"]), Text(r["field"]), Text(r["reason"])]));
                }
            }

            return rejections.Count > 0 ? ExitCodes.Findings : ExitCodes.Done;
        }, token));
        directory.Subcommands.Add(import);
        return directory;
    }

    private static (byte[] Bytes, string MediaType) Read(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            using var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(path, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
            return (zip.ToArray(), "application/zip");
        }

        if (!File.Exists(path))
        {
            throw new SpfException($"there is no file or folder '{path}'.");
        }

        return (File.ReadAllBytes(path), path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? "application/zip" : "application/json");
    }

    /// <summary>A request body that says how much of it has been sent.</summary>
    private sealed class ProgressContent : HttpContent
    {
        private const int Chunk = 64 * 1024;
        private readonly byte[] _bytes;
        private readonly Action<long> _sent;

        public ProgressContent(byte[] bytes, string mediaType, Action<long> sent)
        {
            _bytes = bytes;
            _sent = sent;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += Chunk)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(Chunk, _bytes.Length - offset)));
                _sent(Math.Min(offset + Chunk, _bytes.Length));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
