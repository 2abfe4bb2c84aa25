// Two versions of a text compared word by word: kept text as is, added text underlined and
// bold, removed text struck through, each change named for screen readers (« ajouté : »,
// « retiré : »), so that the difference never rests on colour alone. Text only through
// textContent.

function hidden(words) {
  const span = document.createElement("span");
  span.className = "ptce-sr";
  span.textContent = words;
  return span;
}

export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".ptce-diff");
  if (!root) return undefined;
  const body = root.querySelector(".ptce-diff-body");
  const fragment = document.createDocumentFragment();
  for (const [op, text] of data.segments) {
    if (op === "same") {
      fragment.appendChild(document.createTextNode(text));
      continue;
    }
    const mark = document.createElement(op === "added" ? "ins" : "del");
    mark.appendChild(hidden(op === "added" ? " [ajouté : " : " [retiré : "));
    mark.appendChild(document.createTextNode(text));
    mark.appendChild(hidden("] "));
    fragment.appendChild(mark);
  }
  body.replaceChildren(fragment);
  root.querySelector(".ptce-diff-summary").textContent = data.summary;
  return undefined;
}
