using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Problem details for the requests Kestrel refuses itself, before any middleware runs: a path that decodes to a NUL
/// (<c>%00</c>), a malformed request line or header, a request line or headers over Kestrel's limits. Kestrel answers
/// those with a status and an empty body, and offers no hook to write one.
/// <para>
/// Two pieces give them a body. Every HTTP/1.x connection's output passes through <see cref="RejectionWriter"/>,
/// which hands bytes straight on until Kestrel reports a rejection (its <c>Microsoft.AspNetCore.Server.Kestrel.BadRequest</c>
/// diagnostic event, raised before it writes the answer); the writer then holds the answer Kestrel writes next and,
/// if it is the expected bodiless status, sends the same status with problem details instead. A rejected request is
/// always the last on its connection, so nothing else is ever held. Nothing of the request is echoed.
/// </para>
/// <para>
/// Left as Kestrel writes them: answers on HTTP/2 and HTTP/3 (binary frames), and those on a connection whose TLS
/// Kestrel terminates itself outside this writer (behind a proxy that terminates TLS, as the deployment recipe does,
/// every answer gets its body).
/// </para>
/// </summary>
internal static class ServerRejections
{
    private const string EventName = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    /// <summary>Every endpoint Kestrel opens gets the writer; the host listens for Kestrel's rejections.</summary>
    public static WebApplicationBuilder AddServerRejections(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(Wrap)));
        return builder;
    }

    /// <summary>Subscribes to Kestrel's rejection event for the life of the host.</summary>
    public static WebApplication UseServerRejections(this WebApplication app)
    {
        var subscription = app.Services.GetRequiredService<DiagnosticListener>()
            .Subscribe(new RejectionObserver(), static (name, _, _) => name == EventName);
        app.Lifetime.ApplicationStopped.Register(subscription.Dispose);
        return app;
    }

    private static ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        // Inside Kestrel's TLS the handshake is done before this runs; outside it, it is not, and the bytes written
        // below are encrypted records this writer must leave alone.
        var state = new RejectionState(insideTls: connection.Features.Get<ITlsHandshakeFeature>() is not null);
        connection.Features.Set(state);
        var transport = connection.Transport;
        connection.Transport = new DuplexPipe(transport.Input, new RejectionWriter(transport.Output, state));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>A connection's state: whether Kestrel has rejected its request, and with which status.</summary>
    internal sealed class RejectionState(bool insideTls)
    {
        private volatile int _status;

        public bool InsideTls { get; } = insideTls;

        /// <summary>The status Kestrel rejected the request with, or 0.</summary>
        public int Status => _status;

        public void Reject(int status) => _status = status;

        public void Clear() => _status = 0;
    }

    private sealed class RejectionObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != EventName || value.Value is not IFeatureCollection features
                || features.Get<RejectionState>() is not { } state
                || features.Get<IBadRequestExceptionFeature>()?.Error is not BadHttpRequestException rejection
                || features.Get<IHttpResponseFeature>() is not { HasStarted: false })
            {
                return;
            }

            var protocol = features.Get<IHttpRequestFeature>()?.Protocol;
            if (protocol is "HTTP/2" or "HTTP/3" || (!state.InsideTls && features.Get<ITlsConnectionFeature>() is not null))
            {
                return;
            }

            state.Reject(rejection.StatusCode);
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    /// <summary>
    /// The connection's output: straight through, except after a rejection, when it holds what Kestrel writes until
    /// the flush and sends it with a body.
    /// </summary>
    internal sealed class RejectionWriter(PipeWriter inner, RejectionState state) : PipeWriter
    {
        private ArrayBufferWriter<byte>? _held;
        private bool _lastFromHeld;

        private ArrayBufferWriter<byte>? Held
        {
            get
            {
                if (_held is null && state.Status != 0)
                {
                    _held = new ArrayBufferWriter<byte>(512);
                }

                return _held;
            }
        }

        public override bool CanGetUnflushedBytes => _held is null && inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => _held?.WrittenCount ?? inner.UnflushedBytes;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            var held = Held;
            _lastFromHeld = held is not null;
            return held is null ? inner.GetMemory(sizeHint) : held.GetMemory(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0)
        {
            var held = Held;
            _lastFromHeld = held is not null;
            return held is null ? inner.GetSpan(sizeHint) : held.GetSpan(sizeHint);
        }

        public override void Advance(int bytes)
        {
            if (_lastFromHeld)
            {
                _held!.Advance(bytes);
            }
            else
            {
                inner.Advance(bytes);
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Release();
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Release();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Release();
            await inner.CompleteAsync(exception);
        }

        /// <summary>Writes what was held, with a body if it is Kestrel's bodiless rejection, and goes back to passing bytes on.</summary>
        private void Release()
        {
            if (_held is not { } held)
            {
                return;
            }

            var status = state.Status;
            _held = null;
            _lastFromHeld = false;
            state.Clear();
            inner.Write(RejectionResponse.TryRewrite(held.WrittenSpan, status) ?? held.WrittenSpan);
        }
    }

    /// <summary>The bodiless answer Kestrel wrote, rewritten with problem details.</summary>
    internal static class RejectionResponse
    {
        private static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();

        /// <summary>
        /// The response in <paramref name="written"/> with a problem details body, or null when it is not a complete
        /// HTTP/1.x response head with status <paramref name="status"/>, no body and <c>Content-Length: 0</c>.
        /// </summary>
        public static byte[]? TryRewrite(ReadOnlySpan<byte> written, int status)
        {
            var end = written.IndexOf(HeadersEnd);
            if (end < 0 || end + HeadersEnd.Length != written.Length || !written.StartsWith("HTTP/1."u8))
            {
                return null;
            }

            var head = Encoding.ASCII.GetString(written[..end]);
            var lines = head.Split("\r\n");
            var statusParts = lines[0].Split(' ', 3);
            if (statusParts.Length < 2 || statusParts[1] != status.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || !lines.Skip(1).Any(l => l.Equals("Content-Length: 0", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var body = Body(status);
            var response = new StringBuilder(lines[0]).Append("\r\n");
            foreach (var line in lines.Skip(1))
            {
                if (!line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
                {
                    response.Append(line).Append("\r\n");
                }
            }

            response.Append("Content-Type: application/problem+json\r\n")
                .Append("Cache-Control: no-store\r\n")
                .Append("X-Content-Type-Options: nosniff\r\n")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
            return [.. Encoding.ASCII.GetBytes(response.ToString()), .. body];
        }

        /// <summary>The problem details for <paramref name="status"/>: what kind of request Kestrel refuses with it, never the request itself.</summary>
        public static byte[] Body(int status)
        {
            var (type, title, detail) = status switch
            {
                StatusCodes.Status405MethodNotAllowed => ("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method not allowed.",
                    "The method cannot be used with this kind of request target."),
                StatusCodes.Status408RequestTimeout => ("https://tools.ietf.org/html/rfc9110#section-15.5.9", "Request timeout.",
                    "The request's headers or body did not arrive in time."),
                StatusCodes.Status411LengthRequired => ("https://tools.ietf.org/html/rfc9110#section-15.5.12", "Length required.",
                    "A request with a body must give its Content-Length or be chunked."),
                StatusCodes.Status413PayloadTooLarge => ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Request body too large.",
                    "The body is larger than the server accepts."),
                StatusCodes.Status414UriTooLong => ("https://tools.ietf.org/html/rfc9110#section-15.5.15", "Request target too long.",
                    "The request line is longer than the server accepts."),
                StatusCodes.Status431RequestHeaderFieldsTooLarge => ("https://tools.ietf.org/html/rfc6585#section-5", "Request header fields too large.",
                    "The request's headers are more or larger than the server accepts."),
                StatusCodes.Status505HttpVersionNotsupported => ("https://tools.ietf.org/html/rfc9110#section-15.6.6", "HTTP version not supported.",
                    "Send the request as HTTP/1.1 or HTTP/2."),
                _ => ("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad request.",
                    "The request line or its headers could not be read: a path that decodes to a NUL character, a malformed request line or header, or a missing or invalid Host header."),
            };
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WriteString("title", title);
                json.WriteNumber("status", status);
                json.WriteString("detail", detail);
                json.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }
    }
}
