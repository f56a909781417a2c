// Linked views on the statistics page: every element with the same
// data-district (a point of the Moran scatterplot, a bar of the ranking chart,
// a path of any LISA map) is one district. Hovering or focusing one outlines
// them all (class "is-hover"); a click, or Enter / Space on a focused mark,
// selects the district (class "is-selected", aria-pressed) and the live region
// names it with its value, rank and LISA class, words written by the page.
// Escape clears the selection.
(function(){
  "use strict";

  var status=document.querySelector(".linked-status");
  var marks=Array.prototype.slice.call(document.querySelectorAll("[data-district]"));
  var selected=null;
  if(!status||!marks.length){ return; }

  function same(slug){
    return marks.filter(function(m){ return m.getAttribute("data-district")===slug; });
  }

  // An outlined map district gets a copy of its outline drawn last in its SVG, so no
  // neighbour hides part of it; the path itself stays where it is (moving it under the
  // mouse would lose the click).
  var outlines={"is-hover":[],"is-selected":[]};

  function outline(el,cls){
    var copy=el.cloneNode(false);
    copy.removeAttribute("data-district");
    copy.removeAttribute("data-pcode");
    copy.setAttribute("class","linked-outline");
    copy.setAttribute("fill","none");
    copy.setAttribute("pointer-events","none");
    copy.setAttribute("aria-hidden","true");
    el.parentNode.appendChild(copy);
    outlines[cls].push(copy);
  }

  function mark(slug,cls,on){
    if(!on){
      outlines[cls].forEach(function(c){ c.parentNode.removeChild(c); });
      outlines[cls]=[];
    }
    same(slug).forEach(function(m){
      if(on){
        if(m.tagName.toLowerCase()==="path"&&!m.classList.contains(cls)){ outline(m,cls); }
        m.classList.add(cls);
      }else{ m.classList.remove(cls); }
      if(cls==="is-selected"&&m.hasAttribute("aria-pressed")){
        m.setAttribute("aria-pressed",on?"true":"false");
      }
    });
  }

  function nameOf(el){
    var title=el.querySelector("title");
    return el.getAttribute("aria-label")||(title?title.textContent:"");
  }

  function select(el){
    var slug=el.getAttribute("data-district");
    if(selected){ mark(selected,"is-selected",false); }
    selected=slug;
    mark(slug,"is-selected",true);
    status.textContent=status.getAttribute("data-prefix")+" "+nameOf(el);
  }

  function clear(){
    if(!selected){ return; }
    mark(selected,"is-selected",false);
    selected=null;
    status.textContent=status.getAttribute("data-cleared");
  }

  // Mouse listeners on every mark; focus and keys are caught on the document, because
  // Chromium makes an SVG element with its own focus or key listeners a tab stop, and only
  // the scatterplot's points and the ranking's bars (tabindex) should be.
  marks.forEach(function(m){
    var slug=m.getAttribute("data-district");
    m.addEventListener("mouseenter",function(){ mark(slug,"is-hover",true); });
    m.addEventListener("mouseleave",function(){ mark(slug,"is-hover",false); });
    m.addEventListener("click",function(){ select(m); });
  });

  function focusable(el){
    return el&&el.hasAttribute&&el.hasAttribute("data-district")&&el.hasAttribute("tabindex");
  }

  document.addEventListener("focusin",function(e){
    if(focusable(e.target)){ mark(e.target.getAttribute("data-district"),"is-hover",true); }
  });
  document.addEventListener("focusout",function(e){
    if(focusable(e.target)){ mark(e.target.getAttribute("data-district"),"is-hover",false); }
  });
  document.addEventListener("keydown",function(e){
    if(e.key==="Escape"||e.key==="Esc"){ clear(); return; }
    if(focusable(e.target)&&(e.key==="Enter"||e.key===" "||e.key==="Spacebar")){
      e.preventDefault();  // Space would scroll the page
      select(e.target);
    }
  });
})();
