using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.WebApi;
using CohortBot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// A submitted modal: its fixed options (private_metadata) plus the inputs, files fetched with the
/// bot token, run as one invocation. An error about a field stays in the modal under that field;
/// anything else closes the modal and the answer goes to the user.
/// </summary>
internal sealed partial class ViewSubmissionHandler(
    SlackProfiles users,
    CommandRunner runner,
    SlackWebApi api,
    ReplyDelivery delivery,
    FieldErrorLocator locator,
    IOptions<ProofOptions> proofs,
    ILogger<ViewSubmissionHandler> logger)
{
    private const int MaxErrorText = 500;

    public async Task<InboundOutcome> HandleAsync(InteractionPayload payload, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var userId = SlashCommandHandler.NonEmpty(payload.User?.Id);
        var view = payload.View;
        if (userId is null || view is null || view.CallbackId != ModalBuilder.CallbackId)
        {
            return InboundOutcome.Nothing;
        }

        var user = users.Resolve(userId, SlashCommandHandler.NonEmpty(payload.User?.Username));
        var metadata = FormMetadata.TryParse(view.PrivateMetadata);
        if (metadata is null)
        {
            // Refusals go through the dispatcher too, so they are in the user's saved language.
            var broken = await runner.RunAsync(Invocation.Refused(user, new InputProblem("command.unknown", new { command = "cohort", commands = SlackCommandNames.SlashCommand + " help" })), ct);
            return InboundOutcome.Deliver(broken, token => delivery.DeliverAsync(broken, userId, null, null, token));
        }

        var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var fields = new List<string>();
        foreach (var (blockId, block) in view.State?.Values ?? new Dictionary<string, IReadOnlyDictionary<string, ViewStateValue>>())
        {
            fields.Add(blockId);
            // A block or input sent as null (only a broken payload does) is an input left empty.
            foreach (var (actionId, input) in block ?? new Dictionary<string, ViewStateValue>())
            {
                var value = input is null ? null : await ReadInputAsync(input, ct);
                if (value is FileProblem)
                {
                    var unreadable = await runner.RunAsync(Invocation.Refused(user, new InputProblem("proof.unreadable"), metadata.ChannelId), ct);
                    return Inline(unreadable, blockId, unreadable.Text, token => delivery.DeliverAsync(unreadable, userId, metadata.ChannelId, metadata.ResponseUrl, token));
                }

                if (value is not null)
                {
                    options[actionId] = value;
                }
            }
        }

        // The form's fixed options (the week it is for) win over anything typed, as on Discord.
        foreach (var (key, value) in metadata.Fixed)
        {
            options[key] = value;
        }

        var reply = await runner.RunAsync(new Invocation(metadata.Command, options, user, metadata.ChannelId) { ReceivedAt = receivedAt }, ct);
        var deliver = (Func<CancellationToken, Task>)(token => delivery.DeliverAsync(reply, userId, metadata.ChannelId, metadata.ResponseUrl, token));
        if (reply.Form is not null && fields.Count > 0)
        {
            // The command wants more than was given (e.g. neither link nor image): say so at the first field.
            var first = reply.Form.Fields.Select(f => f.Option).FirstOrDefault(fields.Contains) ?? fields[0];
            return Inline(reply, first, reply.Text, deliver);
        }

        if (reply.Tone == ReplyTone.Error && locator.Locate(reply.Text, fields) is { } field)
        {
            return Inline(reply, field, reply.Text, deliver);
        }

        return new InboundOutcome(reply, ViewSubmissionResponse.Clear, deliver, deliver);
    }

    private static InboundOutcome Inline(Reply reply, string blockId, string text, Func<CancellationToken, Task> late) =>
        new(reply, ViewSubmissionResponse.ErrorAt(blockId, SlackText.Plain(text, MaxErrorText)), null, late);

    private async Task<object?> ReadInputAsync(ViewStateValue input, CancellationToken ct) => input.Type switch
    {
        ViewStateValue.PlainTextInput => SlashCommandHandler.NonEmpty(input.Value),
        ViewStateValue.FileInput => SlashCommandHandler.NonEmpty(input.Files?.FirstOrDefault()?.Id) is { } fileId ? await DownloadAsync(fileId, ct) : null,
        _ => null,
    };

    private async Task<object> DownloadAsync(string fileId, CancellationToken ct)
    {
        try
        {
            var file = await api.FileInfoAsync(fileId, ct);
            var max = proofs.Value.MaxImageBytes;
            if (file.Size > max)
            {
                // The core refuses on the declared size; there is no point fetching it.
                return new InvocationAttachment(file.Name, file.Size, _ => Task.FromResult<Stream>(Stream.Null));
            }

            // Spooled to a temporary file, not memory; one byte over the limit is enough for the core to refuse it.
            return await AttachmentSpool.SpoolAsync(file.Name, file.Size, target => api.DownloadAsync(file, target, max + 1, ct));
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            LogFileFailed(ex, fileId);
            return new FileProblem();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch Slack file {FileId}")]
    private partial void LogFileFailed(Exception ex, string fileId);

    private sealed record FileProblem;
}
