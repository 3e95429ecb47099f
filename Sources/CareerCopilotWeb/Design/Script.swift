/// The pages' only script, loaded as a module. Progressive enhancement only: every page works
/// without it (cards move through their status form, deletions go through without a prompt).
enum Script {
    static let source = #"""
// Ask before destructive forms are sent: <form data-confirm="Delete this job?">.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// The applications board: drag a card to another column. The move is sent through the
// board's form, so the server sees exactly what a card's Move button sends without JS.
const board = document.querySelector("[data-board]");
if (board) {
  const announce = (message) => {
    const region = document.getElementById("board-status");
    if (region) region.textContent = message;
  };
  const countOf = (column) => column.querySelector(".column-count");
  const adjustCount = (column, delta) => {
    const badge = countOf(column);
    if (badge) badge.textContent = String(Math.max(0, Number(badge.textContent) + delta));
  };
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

  for (const column of board.querySelectorAll(".board-column")) {
    column.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      column.classList.add("drop-target");
    });
    column.addEventListener("dragleave", (event) => {
      if (!column.contains(event.relatedTarget)) column.classList.remove("drop-target");
    });
    column.addEventListener("drop", async (event) => {
      event.preventDefault();
      column.classList.remove("drop-target");
      const card = dragged;
      if (!card) return;
      const from = card.closest(".board-column");
      const status = column.dataset.status;
      if (from === column) return;
      const form = board.closest("form");
      const select = card.querySelector("select");
      const data = new URLSearchParams();
      data.set("csrf_token", form.elements.csrf_token.value);
      data.set("move", card.dataset.applicationId);
      data.set(select.name, column.dataset.label);
      card.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: data,
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        column.querySelector(".board-cards").prepend(card);
        select.value = column.dataset.label;
        adjustCount(from, -1);
        adjustCount(column, 1);
        column.querySelector(".column-empty")?.remove();
        announce(`Moved ${card.querySelector(".card-link").textContent} to ${column.dataset.label}.`);
      } catch (error) {
        announce("The card could not be moved. Use its status menu, or reload the page.");
      } finally {
        card.removeAttribute("aria-busy");
      }
    });
  }
}
"""#
}
