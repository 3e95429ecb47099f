/// The pages' only script, loaded as a module. Progressive enhancement only: every page works
/// without it (cards move through their status form, deletions go through without a prompt).
enum Script {
    static let source = #"""
        // The reader's time zone, for the pages' dates, until they choose one in Settings.
        if (!document.cookie.split("; ").some((entry) => entry.startsWith("cc_tz="))) {
          const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
          if (zone) document.cookie = `cc_tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
        }

        // Ask before destructive forms are sent: <form data-confirm="Delete this job?">. A yes
        // marks the form confirmed; without this script the server asks on a page of its own.
        document.addEventListener("submit", (event) => {
          const form = event.target;
          if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
          if (!window.confirm(form.dataset.confirm)) {
            event.preventDefault();
            return;
          }
          if (!form.elements.confirmed) {
            const confirmed = document.createElement("input");
            confirmed.type = "hidden";
            confirmed.name = "confirmed";
            confirmed.value = "yes";
            form.append(confirmed);
          }
        });

        // The applications board: drag a card to another status, or use its menu and Move button;
        // either way the move is sent through the board's form (exactly what Move sends without JS),
        // the card moves in place, and the keyboard stays on it.
        const board = document.querySelector("[data-board]");
        if (board) {
          const announce = (message) => {
            const region = document.getElementById("board-status");
            if (region) region.textContent = message;
          };
          const adjustCount = (lane, delta) => {
            const badge = lane.querySelector(".column-count");
            if (badge) badge.textContent = String(Math.max(0, Number(badge.textContent) + delta));
          };
          const laneFor = (label) => [...board.querySelectorAll("[data-lane]")].find((lane) => lane.dataset.label === label);
          const title = (card) => card.querySelector(".card-link").textContent;

          // Sends the move; on success puts the card at the top of its new lane.
          const move = async (card, to) => {
            const from = card.closest("[data-lane]");
            if (!to || from === to) return false;
            const form = board.closest("form");
            const select = card.querySelector("select");
            const data = new URLSearchParams();
            data.set("csrf_token", form.elements.csrf_token.value);
            data.set("move", card.dataset.applicationId);
            data.set(select.name, to.dataset.label);
            card.setAttribute("aria-busy", "true");
            try {
              const response = await fetch(form.action, {
                method: "POST",
                body: data,
                headers: { Accept: "application/json" },
                credentials: "same-origin",
              });
              if (!response.ok) throw new Error(`status ${response.status}`);
              to.querySelector(".board-cards").prepend(card);
              select.value = to.dataset.label;
              adjustCount(from, -1);
              adjustCount(to, 1);
              to.querySelector(".column-empty")?.remove();
              if (!from.querySelector(".board-card")) {
                const empty = document.createElement("p");
                empty.className = "muted column-empty";
                empty.textContent = "Nothing here yet.";
                from.querySelector(".board-cards").before(empty);
              }
              announce(`Moved “${title(card)}” to ${to.dataset.label}.`);
              return true;
            } catch (error) {
              announce(`“${title(card)}” could not be moved. Use its status menu, or reload the page.`);
              return false;
            } finally {
              card.removeAttribute("aria-busy");
            }
          };

          board.addEventListener("click", async (event) => {
            const button = event.target.closest("button[name=move]");
            if (!button) return;
            const card = button.closest(".board-card");
            const to = laneFor(card.querySelector("select").value);
            if (!to || to === card.closest("[data-lane]")) return;
            event.preventDefault();
            if (await move(card, to)) {
              card.scrollIntoView({ block: "nearest", inline: "nearest" });
              card.querySelector("select").focus();
            }
          });

          let dragged = null;
          for (const card of board.querySelectorAll(".board-card")) {
            card.setAttribute("draggable", "true");
            card.addEventListener("dragstart", (event) => {
              dragged = card;
              card.classList.add("dragging");
              event.dataTransfer.effectAllowed = "move";
              event.dataTransfer.setData("text/plain", card.dataset.applicationId);
            });
            card.addEventListener("dragend", () => {
              card.classList.remove("dragging");
              dragged = null;
            });
          }

          for (const lane of board.querySelectorAll("[data-lane]")) {
            lane.addEventListener("dragover", (event) => {
              if (!dragged) return;
              event.preventDefault();
              lane.classList.add("drop-target");
            });
            lane.addEventListener("dragleave", (event) => {
              if (!lane.contains(event.relatedTarget)) lane.classList.remove("drop-target");
            });
            lane.addEventListener("drop", async (event) => {
              event.preventDefault();
              lane.classList.remove("drop-target");
              if (dragged) await move(dragged, lane);
            });
          }
        }

        // The sources page: a card whose run is queued or under way is read again every two seconds
        // (for up to three minutes) and replaced, with its result, once the run has ended.
        const runningCards = () => document.querySelectorAll("li[data-source-id][data-running]");
        if (runningCards().length) {
          let polls = 0;
          const timer = setInterval(async () => {
            polls += 1;
            if (polls > 90 || !runningCards().length) return clearInterval(timer);
            try {
              const response = await fetch(location.pathname, { credentials: "same-origin" });
              if (!response.ok) return;
              const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
              for (const card of runningCards()) {
                const next = fresh.querySelector(`li[data-source-id="${card.dataset.sourceId}"]`);
                if (next && !next.hasAttribute("data-running")) {
                  card.replaceWith(document.importNode(next, true));
                  const region = document.getElementById("sources-status");
                  if (region) region.textContent = `${next.querySelector("h2")?.textContent ?? "The source"} has finished running.`;
                }
              }
            } catch (error) {
              // The next poll tries again.
            }
          }, 2000);
        }
        """#
}
